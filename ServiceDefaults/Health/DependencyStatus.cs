namespace MasteryEngine.ServiceDefaults.Health;

/// <param name="Status"><c>healthy</c>, <c>degraded</c> or <c>unhealthy</c>.</param>
public sealed record DependencyStatus(string Status, string? Description, double DurationMs);
