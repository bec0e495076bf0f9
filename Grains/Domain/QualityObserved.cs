namespace MasteryEngine.Grains.Domain;

/// <summary>A <c>quality</c> event (from code review): <paramref name="Score"/> in [0, 1].</summary>
public sealed record QualityObserved(double Score) : LearningObservation;
