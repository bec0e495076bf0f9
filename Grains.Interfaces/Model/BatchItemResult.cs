namespace MasteryEngine.Grains;

/// <summary>One student's outcome in a batch; <paramref name="Error"/> is set when it failed.</summary>
public sealed record BatchItemResult(string StudentId, double? MasteryScore, MasteryLevel? Level, string? Error);
