namespace MasteryEngine.Gateway.Contracts;

/// <summary>
/// Whether a learning event was applied to a student. <paramref name="Applied"/> false means not within the last
/// <paramref name="IdempotencyWindowDays"/> days (ids are not kept longer; older events are refused as stale).
/// </summary>
public sealed record EventApplication(string StudentId, string EventId, bool Applied, DateOnly? AppliedOn, int IdempotencyWindowDays);
