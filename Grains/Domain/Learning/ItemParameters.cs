namespace MasteryEngine.Grains.Domain.Learning;

/// <summary>
/// What the model knows about one item (question) across all students: its <paramref name="Difficulty"/> relative
/// to its topic (logit scale, 0 = the topic's typical item), the Fisher information gathered about that difficulty
/// (its variance is 1 / (1 / prior variance + information)), and how many answers it has seen. No student data:
/// an item grain can hold it.
/// </summary>
public sealed record ItemParameters(double Difficulty, double Information, long Responses)
{
    /// <summary>An item nobody has answered yet: the topic's typical difficulty, no information.</summary>
    public static readonly ItemParameters Unseen = new(0, 0, 0);

    /// <summary>
    /// Applies deltas summed over any number of answers (see <see cref="ItemDifficultyDelta"/>): the item grain
    /// can apply a batch at once, so a hot item costs one write per batch, not one per answer.
    /// </summary>
    public ItemParameters Apply(ItemDifficultyDelta delta) =>
        new(Difficulty + delta.Difficulty, Information + delta.Information, Responses + delta.Responses);

    public double Variance(double priorVariance) => 1 / (1 / priorVariance + Information);
}
