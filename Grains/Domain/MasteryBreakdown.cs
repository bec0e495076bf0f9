namespace MasteryEngine.Grains.Domain;

/// <summary>Each component's part in the mastery score, and how far it alone is from lifting the level.</summary>
public static class MasteryBreakdown
{
    /// <summary>
    /// Per component: contribution = weight × score. GapToNextLevel = (next threshold − mastery) / weight: how much
    /// this component alone must rise, the others unchanged, for the mastery to reach the next level's threshold;
    /// capped at 1 − score (all it can still gain), so a capped gap means this component alone cannot lift the level.
    /// 0 at the top level; a component of weight 0 can never lift the level and shows 1 − score.
    /// </summary>
    public static IReadOnlyList<ComponentBreakdown> For(ComponentScores components, MasteryOptions options)
    {
        var mastery = MasteryFormula.Score(components, options.Weights);
        var level = MasteryLevels.Classify(mastery, options.Thresholds);
        var next = MasteryLevels.NextThreshold(level, options.Thresholds);

        var breakdown = new ComponentBreakdown[MasteryFormula.Components.Count];
        for (var i = 0; i < breakdown.Length; i++)
        {
            var component = MasteryFormula.Components[i];
            var score = components.Of(component);
            var weight = options.Weights.Of(component);
            var headroom = 1 - score;
            var gap = next is not { } threshold ? 0
                : weight > 0 ? Math.Min((threshold - mastery) / weight, headroom)
                : headroom;
            breakdown[i] = new ComponentBreakdown(component, score, weight, MasteryFormula.Clamp(weight * score), MasteryFormula.Clamp(gap));
        }

        return breakdown;
    }
}
