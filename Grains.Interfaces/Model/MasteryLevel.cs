namespace MasteryEngine.Grains;

/// <summary>Ordered from lowest to highest.</summary>
public enum MasteryLevel
{
    Novice,
    Developing,
    Proficient,
    Mastered,
}
