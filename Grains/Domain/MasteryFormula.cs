namespace MasteryEngine.Grains.Domain;

/// <summary>Mastery = Σ weight × component, clamped to [0, 1].</summary>
public static class MasteryFormula
{
    /// <summary>
    /// Scores are rounded to 12 decimal places so that the sum of products lands on the value a person would
    /// write (0.4 × 0.85 + … = 0.862, not 0.8620000000000001) and a score meant to sit exactly on a level
    /// threshold is classified at that level.
    /// </summary>
    private const int Decimals = 12;

    public static double Score(ComponentScores components, MasteryWeights weights)
    {
        var sum = weights.Completion * components.Completion
                  + weights.Quiz * components.Quiz
                  + weights.Quality * components.Quality
                  + weights.Consistency * components.Consistency;
        return Clamp(sum);
    }

    /// <summary>Clamps to [0, 1] and rounds away floating-point noise; NaN counts as 0.</summary>
    public static double Clamp(double value) =>
        double.IsNaN(value) ? 0 : Math.Round(Math.Clamp(value, 0, 1), Decimals);

    public static double Of(this ComponentScores components, MasteryComponent component) => component switch
    {
        MasteryComponent.Completion => components.Completion,
        MasteryComponent.Quiz => components.Quiz,
        MasteryComponent.Quality => components.Quality,
        MasteryComponent.Consistency => components.Consistency,
        _ => throw new ArgumentOutOfRangeException(nameof(component), component, "Unknown mastery component."),
    };

    public static readonly IReadOnlyList<MasteryComponent> Components =
        [MasteryComponent.Completion, MasteryComponent.Quiz, MasteryComponent.Quality, MasteryComponent.Consistency];
}
