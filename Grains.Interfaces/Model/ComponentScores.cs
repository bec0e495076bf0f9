namespace MasteryEngine.Grains;

/// <summary>The four mastery components, each in [0, 1].</summary>
public sealed record ComponentScores(double Completion, double Quiz, double Quality, double Consistency)
{
    public static readonly ComponentScores Zero = new(0, 0, 0, 0);
}
