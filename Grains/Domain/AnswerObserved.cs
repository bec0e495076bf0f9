namespace MasteryEngine.Grains.Domain;

/// <summary>
/// An <c>answer</c> event: the student answered item <paramref name="ItemId"/> of the event's topic.
/// <paramref name="Score"/> is the credit the learner model learns from: the given <c>score</c> for partial credit,
/// else 1 when correct and 0 when not.
/// </summary>
public sealed record AnswerObserved(string ItemId, bool Correct, double Score, int? ResponseTimeMs, int? Attempt) : LearningObservation;
