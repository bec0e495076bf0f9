namespace MasteryEngine.Grains;

/// <summary>The four mastery components, each in [0, 1].</summary>
[GenerateSerializer, Immutable, Alias("mastery.component-scores")]
public sealed record ComponentScores([property: Id(0)] double Completion, [property: Id(1)] double Quiz, [property: Id(2)] double Quality, [property: Id(3)] double Consistency)
{
    public static readonly ComponentScores Zero = new(0, 0, 0, 0);
}
