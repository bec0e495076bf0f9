namespace MasteryEngine.Grains.Domain;

/// <summary>The lowest mastery score of each level above novice; strictly increasing inside (0, 1).</summary>
public sealed class LevelThresholds
{
    public double Developing { get; set; } = 0.40;

    public double Proficient { get; set; } = 0.70;

    public double Mastered { get; set; } = 0.90;
}
