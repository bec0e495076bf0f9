using System.Text.Json;

namespace MasteryEngine.Grains.Domain.Learning;

/// <summary>
/// The fitted global values of the learner model and its per-topic and per-item tables (what
/// <c>calibrate</c> writes and the service loads from <c>LEARNER_MODEL_PARAMETERS</c>). The logit of a correct
/// answer is
/// <c>Intercept + topic.Bias − item.Difficulty
///   + topic.SuccessWeight·ln(1+S_topic) + topic.FailureWeight·ln(1+F_topic)
///   + OverallSuccessWeight·ln(1+S_all) + OverallFailureWeight·ln(1+F_all)
///   + Ability_topic + Ability_all</c>.
/// Topics and items it does not list start from <see cref="DefaultTopic"/> and <see cref="ItemParameters.Unseen"/>.
/// </summary>
/// <param name="TopicAbilityPriorVariance">Prior variance of a student's topic ability residual; with the
/// information gathered it sets the Elo step (variance × surprise) and the standard error.</param>
/// <param name="OverallAbilityPriorVariance">The same for the across-topics residual.</param>
/// <param name="ItemPriorVariance">Prior variance of an item's difficulty: the online step of a new item.</param>
/// <param name="HalfLifeDays">Time after which counts, abilities and information have decayed halfway to the prior.</param>
/// <param name="AbilityMemory">How many answers the ability's information spans: each answer keeps 1 − 1/memory of
/// the information before it, so the Elo step never shrinks to nothing and the ability follows a student who
/// is learning (Glicko's drift, counted in answers rather than days).</param>
public sealed record LearnerModelParameters(
    double Intercept,
    double OverallSuccessWeight,
    double OverallFailureWeight,
    double TopicAbilityPriorVariance,
    double OverallAbilityPriorVariance,
    double ItemPriorVariance,
    double HalfLifeDays,
    double AbilityMemory,
    TopicParameters DefaultTopic,
    IReadOnlyDictionary<string, TopicParameters> Topics,
    IReadOnlyDictionary<string, ItemParameters> Items)
{
    /// <summary>What the model starts from before any calibration: PFA-like weights from the literature's range.</summary>
    public static readonly LearnerModelParameters Default = new(
        Intercept: 0.5,
        OverallSuccessWeight: 0.1,
        OverallFailureWeight: -0.1,
        TopicAbilityPriorVariance: 0.3,
        OverallAbilityPriorVariance: 0.1,
        ItemPriorVariance: 1.0,
        HalfLifeDays: 60,
        AbilityMemory: 20,
        DefaultTopic: new TopicParameters(0, 0.2, -0.2, 0),
        Topics: new Dictionary<string, TopicParameters>(StringComparer.Ordinal),
        Items: new Dictionary<string, ItemParameters>(StringComparer.Ordinal));

    public TopicParameters Topic(string topic) => Topics.TryGetValue(topic, out var parameters) ? parameters : DefaultTopic;

    public ItemParameters Item(string item) => Items.TryGetValue(item, out var parameters) ? parameters : ItemParameters.Unseen;

    /// <summary>Reads a parameter file; a malformed or out-of-range file is refused with the reason.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid parameter file.</exception>
    public static async Task<LearnerModelParameters> LoadAsync(Stream stream, CancellationToken cancellationToken)
    {
        LearnerModelParameters? parameters;
        try
        {
            parameters = await JsonSerializer.DeserializeAsync(stream, LearnerModelJsonContext.Default.LearnerModelParameters, cancellationToken);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"Not a learner model parameter file: {exception.Message}", exception);
        }

        if (parameters is null)
        {
            throw new InvalidDataException("Not a learner model parameter file: it is empty (null).");
        }

        return LearnerModelParametersValidator.Problem(parameters) is { } problem
            ? throw new InvalidDataException($"Invalid learner model parameter file: {problem}")
            : parameters;
    }

    public Task SaveAsync(Stream stream, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(stream, this, LearnerModelJsonContext.Default.LearnerModelParameters, cancellationToken);
}
