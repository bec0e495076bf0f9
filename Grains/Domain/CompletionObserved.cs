namespace MasteryEngine.Grains.Domain;

/// <summary>
/// A <c>completion</c> event: a progress report, "<paramref name="Completed"/> of <paramref name="Total"/> exercises done".
/// The difficulty is validated and kept for the record but does not weight completion: completion measures how
/// much of the assigned work is done, and difficulty already shows in the quiz and quality scores.
/// </summary>
public sealed record CompletionObserved(int Completed, int Total, string? Difficulty) : LearningObservation;
