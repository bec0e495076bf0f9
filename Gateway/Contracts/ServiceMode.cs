namespace MasteryEngine.Gateway.Contracts;

/// <summary>Which providers this instance runs with (<c>STORAGE_PROVIDER</c>, <c>STREAM_PROVIDER</c>).</summary>
public sealed record ServiceMode(string Storage, string Stream, bool Embedded);
