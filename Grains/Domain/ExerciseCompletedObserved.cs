namespace MasteryEngine.Grains.Domain;

/// <summary>
/// An <c>exercise.completed</c> event: one more exercise done. Its <c>data</c> is
/// <c>{"exercise_id": string (1..128 chars), "total_exercises": optional int &gt; 0}</c>; other fields are ignored.
/// It adds one to the completed count (never beyond the total) and, when <paramref name="Total"/> is given,
/// sets the total; completion = completed / total once a total is known.
/// </summary>
public sealed record ExerciseCompletedObserved(string ExerciseId, int? Total) : LearningObservation;
