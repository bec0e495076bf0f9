namespace MasteryEngine.ReviewAgent.Contracts;

/// <param name="Status"><c>ready</c> or <c>not_ready</c>.</param>
public sealed record ReadinessReport(string Status, IReadOnlyDictionary<string, DependencyStatus> Dependencies);

/// <param name="Status"><c>healthy</c>, <c>degraded</c> or <c>unhealthy</c>.</param>
public sealed record DependencyStatus(string Status, string? Description, double DurationMs);
