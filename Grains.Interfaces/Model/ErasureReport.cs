namespace MasteryEngine.Grains;

/// <summary>What an erasure removed: the kinds of data, never the data.</summary>
public sealed record ErasureReport(string StudentId, DateTimeOffset ErasedAt, IReadOnlyList<string> ErasedDataKinds);
