namespace MasteryEngine.ServiceDefaults.Health;

/// <param name="Status"><c>ready</c> or <c>not_ready</c>.</param>
public sealed record ReadinessReport(string Status, IReadOnlyDictionary<string, DependencyStatus> Dependencies);
