namespace MasteryEngine.Grains.Domain;

/// <summary>novice &lt; Developing ≤ developing &lt; Proficient ≤ proficient &lt; Mastered ≤ mastered.</summary>
public static class MasteryLevels
{
    public static MasteryLevel Classify(double score, LevelThresholds thresholds) =>
        score >= thresholds.Mastered ? MasteryLevel.Mastered
        : score >= thresholds.Proficient ? MasteryLevel.Proficient
        : score >= thresholds.Developing ? MasteryLevel.Developing
        : MasteryLevel.Novice;

    /// <summary>The lowest score of the level above <paramref name="level"/>; null at the top level.</summary>
    public static double? NextThreshold(MasteryLevel level, LevelThresholds thresholds) => level switch
    {
        MasteryLevel.Novice => thresholds.Developing,
        MasteryLevel.Developing => thresholds.Proficient,
        MasteryLevel.Proficient => thresholds.Mastered,
        _ => null,
    };
}
