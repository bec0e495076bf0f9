using System.Globalization;

namespace MasteryEngine.Grains.Domain;

/// <summary>
/// Ranks next steps by weight × gap, the gap being the distance to a perfect score (1 − score): the product is
/// the rise of the overall mastery if the step fully succeeded, reported as <see cref="Recommendation.ExpectedGain"/>.
/// <list type="bullet">
/// <item>A component (overall): weight = its formula weight, gap = 1 − component score.</item>
/// <item>A topic: weight = 1 / number of topics (its share of the student's work), gap = 1 − topic mastery.</item>
/// </list>
/// Priority from the expected gain: high ≥ 0.10, medium ≥ 0.05, low below. Nothing is recommended for a gap of 0.
/// Ties keep component order (completion, quiz, quality, consistency), then topics by name.
/// </summary>
public static class RecommendationEngine
{
    public const int MinLimit = 1;
    public const int MaxLimit = 50;
    public const double HighPriorityGain = 0.10;
    public const double MediumPriorityGain = 0.05;

    public static IReadOnlyList<Recommendation> Rank(
        ComponentScores overall,
        IReadOnlyList<TopicMastery> topics,
        MasteryOptions options) =>
        [.. RankSteps(overall, topics, options).Select(step => Describe(step, options))];

    /// <summary>
    /// The ranking without the words: what a change compares to tell whether the learning path moved, which it does
    /// for every event, so it skips formatting the actions (that was the larger part of a change's cost).
    /// </summary>
    public static IReadOnlyList<RankedStep> RankSteps(
        ComponentScores overall,
        IReadOnlyList<TopicMastery> topics,
        MasteryOptions options)
    {
        var ranked = new List<RankedStep>(MasteryFormula.Components.Count + topics.Count);
        foreach (var component in MasteryFormula.Components)
        {
            var score = overall.Of(component);
            var gain = MasteryFormula.Clamp(options.Weights.Of(component) * (1 - score));
            if (gain > 0)
            {
                ranked.Add(new RankedStep(component, null, score, PriorityOf(gain), gain));
            }
        }

        foreach (var topic in topics.OrderBy(t => t.Topic, StringComparer.Ordinal))
        {
            var gain = MasteryFormula.Clamp((1 - topic.MasteryScore) / topics.Count);
            if (gain > 0)
            {
                ranked.Add(new RankedStep(null, topic, topic.MasteryScore, PriorityOf(gain), gain));
            }
        }

        // Stable: equal gains keep the insertion order described above.
        for (var i = 1; i < ranked.Count; i++)
        {
            var step = ranked[i];
            var j = i - 1;
            for (; j >= 0 && ranked[j].ExpectedGain < step.ExpectedGain; j--)
            {
                ranked[j + 1] = ranked[j];
            }

            ranked[j + 1] = step;
        }

        return ranked;
    }

    public static Recommendation Describe(RankedStep step, MasteryOptions options) => step.Topic is { } topic
        ? new Recommendation(null, topic.Topic, step.Priority, ActionFor(topic), step.ExpectedGain)
        : new Recommendation(step.Component, null, step.Priority, ActionFor(step.Component!.Value, step.Score, options), step.ExpectedGain);

    /// <summary>Keeps the recommendations of <paramref name="priority"/> (all when null), best first, at most <paramref name="limit"/>.</summary>
    public static IReadOnlyList<Recommendation> Select(IReadOnlyList<Recommendation> ranked, int limit, RecommendationPriority? priority)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, MinLimit);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        return [.. ranked.Where(r => priority is null || r.Priority == priority).Take(limit)];
    }

    public static RecommendationPriority PriorityOf(double expectedGain) =>
        expectedGain >= HighPriorityGain ? RecommendationPriority.High
        : expectedGain >= MediumPriorityGain ? RecommendationPriority.Medium
        : RecommendationPriority.Low;

    private static string ActionFor(MasteryComponent component, double score, MasteryOptions options) => component switch
    {
        MasteryComponent.Completion => Format($"Complete more of the assigned exercises: {score:0%} done so far."),
        MasteryComponent.Quiz => Format($"Take practice quizzes on recent material: quiz results average {score:0%}."),
        MasteryComponent.Quality => Format($"Work through the code review feedback and refactor past solutions: code quality is at {score:0%}."),
        _ => Format($"Practise a little every day: active on {score:0%} of the last {options.ConsistencyWindowDays} days."),
    };

    private static string ActionFor(TopicMastery topic)
    {
        var weakest = MasteryFormula.Components.Take(3).MinBy(topic.Components.Of);
        return Format($"Revisit {topic.Topic} (mastery {topic.MasteryScore:0%}, {topic.Level.ToString().ToLowerInvariant()}), starting with its weakest part: {weakest.ToString().ToLowerInvariant()}.");
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
