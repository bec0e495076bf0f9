using MasteryEngine.Gateway.Contracts;
using MasteryEngine.Grains;

namespace MasteryEngine.Gateway.Validation;

/// <summary>
/// Collects what is wrong with a request, per field, for one 400 answer. Messages never repeat the rejected
/// value: it may be an injection attempt, and it is the caller's own input anyway.
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool IsEmpty => errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>The id when it is present and well formed; otherwise records why not and returns "".</summary>
    public string RequireId(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            Add(field, $"{field} is required.");
            return "";
        }

        if (!InputRules.IsValidId(value))
        {
            Add(field, $"{field} must be {InputRules.IdDescription}.");
            return "";
        }

        return value;
    }

    public string? OptionalId(string field, string? value) => value is null ? null : RequireId(field, value);

    public int InRange(string field, int? value, int min, int max, int fallback)
    {
        if (value is null)
        {
            return fallback;
        }

        if (value < min || value > max)
        {
            Add(field, $"{field} must be between {min} and {max}.");
        }

        return value.Value;
    }

    public ComponentScores RequireComponents(string field, ComponentScoresInput input) => new(
        RequireScore($"{field}.completion", input.Completion),
        RequireScore($"{field}.quiz", input.Quiz),
        RequireScore($"{field}.quality", input.Quality),
        RequireScore($"{field}.consistency", input.Consistency));

    public RecommendationPriority? OptionalPriority(string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        var priority = InputRules.ParsePriority(value);
        if (priority is null)
        {
            Add(field, $"{field} must be one of high, medium, low.");
        }

        return priority;
    }

    public IResult ToProblem() => TypedResults.ValidationProblem(
        errors.ToDictionary(entry => entry.Key, entry => entry.Value.ToArray(), StringComparer.Ordinal),
        detail: string.Join(" ", errors.Values.SelectMany(messages => messages)),
        title: "The request is invalid.");

    private double RequireScore(string field, double? value)
    {
        if (value is null)
        {
            Add(field, $"{field} is required.");
            return 0;
        }

        if (!InputRules.IsScore(value.Value))
        {
            Add(field, $"{field} must be a number between 0 and 1.");
        }

        return value.Value;
    }
}
