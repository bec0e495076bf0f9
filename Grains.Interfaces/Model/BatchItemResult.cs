namespace MasteryEngine.Grains;

/// <summary>One student's outcome in a batch; <paramref name="Error"/> is set when it failed.</summary>
[GenerateSerializer, Immutable, Alias("mastery.batch-item-result")]
public sealed record BatchItemResult([property: Id(0)] string StudentId, [property: Id(1)] double? MasteryScore, [property: Id(2)] MasteryLevel? Level, [property: Id(3)] string? Error);
