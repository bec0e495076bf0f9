namespace MasteryEngine.Gateway.Contracts;

/// <summary>What an erasure removed (kinds of data, never the data) and the audit record that notes it.</summary>
public sealed record ErasureResponse(string StudentId, DateTimeOffset ErasedAt, IReadOnlyList<string> ErasedDataKinds, string AuditId);
