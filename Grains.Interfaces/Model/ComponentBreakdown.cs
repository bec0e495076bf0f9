namespace MasteryEngine.Grains;

/// <summary>One component's part in the mastery score.</summary>
/// <param name="GapToNextLevel">How much this component alone would have to rise for the student to reach the
/// next level's threshold (0 at the top level); capped by what the component can still gain.</param>
[GenerateSerializer, Immutable, Alias("mastery.component-breakdown")]
public sealed record ComponentBreakdown(
    [property: Id(0)] MasteryComponent Component,
    [property: Id(1)] double Score,
    [property: Id(2)] double Weight,
    [property: Id(3)] double Contribution,
    [property: Id(4)] double GapToNextLevel);
