namespace MasteryEngine.Grains.Domain.Learning;

/// <summary>
/// The learner model's say in <c>/recommendations/adaptive</c>. The seed's ranking (weight × gap) stays the base
/// and its fields are unchanged; a topic the student answered items of gains its knowledge, whether that lies in
/// the success band and how much of it decayed. Topics in the band come first (desirable difficulty: the practice
/// that teaches most), the most decayed first among them (spaced practice), then nearer the band's middle, as
/// <see cref="PracticeSelector"/> orders items; everything else keeps the seed's order after them.
/// </summary>
public static class AdaptiveRecommendationOrder
{
    /// <param name="ranked">The seed's ranking, best first.</param>
    /// <param name="topics">The learner model's view of each topic the student answered items of, keyed by topic (<see cref="PracticeCandidate.PCorrect"/> = knowledge).</param>
    public static IReadOnlyList<Recommendation> Apply(IReadOnlyList<Recommendation> ranked, IReadOnlyDictionary<string, PracticeCandidate> topics, double low, double high)
    {
        if (topics.Count == 0)
        {
            return ranked;
        }

        var described = ranked.Select(r => r.Topic is { } topic && topics.TryGetValue(topic, out var known)
            ? r with { Knowledge = known.PCorrect, InSuccessBand = PracticeSelector.InBand(known.PCorrect, low, high), KnowledgeDecay = known.KnowledgeDecay }
            : r).ToList();
        var inBand = described.Where(r => r.InSuccessBand == true).ToList();
        var first = PracticeSelector.Rank(inBand.Select(r => topics[r.Topic!]), low, high, inBand.Count)
            .Select(c => inBand.First(r => r.Topic == c.Topic));
        return [.. first, .. described.Where(r => r.InSuccessBand != true)];
    }
}
