namespace MasteryEngine.Grains;

/// <summary>A batch that holds a result for the student, and the day (UTC day number) it was recorded.</summary>
public readonly record struct RecordedBatch(string BatchId, int Day);
