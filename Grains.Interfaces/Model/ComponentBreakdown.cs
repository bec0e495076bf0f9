namespace MasteryEngine.Grains;

/// <summary>One component's part in the mastery score.</summary>
/// <param name="GapToNextLevel">How much this component alone would have to rise for the student to reach the
/// next level's threshold (0 at the top level); capped by what the component can still gain.</param>
public sealed record ComponentBreakdown(
    MasteryComponent Component,
    double Score,
    double Weight,
    double Contribution,
    double GapToNextLevel);
