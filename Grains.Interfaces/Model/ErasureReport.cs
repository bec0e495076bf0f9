namespace MasteryEngine.Grains;

/// <summary>What an erasure removed: the kinds of data, never the data.</summary>
[GenerateSerializer, Immutable, Alias("mastery.erasure-report")]
public sealed record ErasureReport([property: Id(0)] string StudentId, [property: Id(1)] DateTimeOffset ErasedAt, [property: Id(2)] IReadOnlyList<string> ErasedDataKinds);
