namespace MasteryEngine.Grains.Domain;

/// <summary>How much each component counts in the mastery score; the four must sum to 1.</summary>
public sealed class MasteryWeights
{
    public double Completion { get; set; } = 0.40;

    public double Quiz { get; set; } = 0.30;

    public double Quality { get; set; } = 0.20;

    public double Consistency { get; set; } = 0.10;

    public double Of(MasteryComponent component) => component switch
    {
        MasteryComponent.Completion => Completion,
        MasteryComponent.Quiz => Quiz,
        MasteryComponent.Quality => Quality,
        MasteryComponent.Consistency => Consistency,
        _ => throw new ArgumentOutOfRangeException(nameof(component), component, "Unknown mastery component."),
    };
}
