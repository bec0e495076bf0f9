namespace MasteryEngine.Grains.Domain.Learning;

/// <summary>
/// Orders practice candidates: items the model expects the student to get right with a probability inside the
/// success band first (hard enough to teach, easy enough to keep going), and among those the topics whose
/// knowledge decayed most (spaced practice); outside the band, the nearer to it the better.
/// </summary>
public static class PracticeSelector
{
    /// <summary>Decay differences below this count as equal, so the distance to the band's middle decides.</summary>
    private const double DecayResolution = 0.01;

    public static IReadOnlyList<PracticeCandidate> Rank(IEnumerable<PracticeCandidate> candidates, double low, double high, int limit)
    {
        var middle = (low + high) / 2;
        return [.. candidates
            .OrderBy(c => DistanceToBand(c.PCorrect, low, high))
            .ThenByDescending(c => Math.Round(c.KnowledgeDecay / DecayResolution))
            .ThenBy(c => Math.Abs(c.PCorrect - middle))
            .ThenBy(c => c.ItemId, StringComparer.Ordinal)
            .Take(limit)];
    }

    public static bool InBand(double pCorrect, double low, double high) => pCorrect >= low && pCorrect <= high;

    private static double DistanceToBand(double p, double low, double high) => p < low ? low - p : p > high ? p - high : 0;
}
