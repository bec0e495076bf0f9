namespace MasteryEngine.Grains.Domain.Learning;

/// <summary>
/// How one or more answers move an item's parameters. Deltas add up (<see cref="Plus"/>), so a student grain can
/// send them one-way and an aggregator can sum many before the item grain applies the sum in one write; each
/// step is small (its size is the item's variance), so summing steps computed from a slightly stale copy of the
/// item changes the result only at second order.
/// </summary>
public readonly record struct ItemDifficultyDelta(double Difficulty, double Information, long Responses)
{
    public static readonly ItemDifficultyDelta None = default;

    public ItemDifficultyDelta Plus(ItemDifficultyDelta other) =>
        new(Difficulty + other.Difficulty, Information + other.Information, Responses + other.Responses);
}
