namespace MasteryEngine.Grains.Domain;

/// <summary>A <c>quiz</c> event: <paramref name="Ratio"/> = score / max_score, in [0, 1].</summary>
public sealed record QuizObserved(double Ratio) : LearningObservation;
