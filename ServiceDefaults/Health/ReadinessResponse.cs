using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MasteryEngine.ServiceDefaults.Health;

/// <summary>How <c>/ready</c> answers in every service: <c>ready</c> or <c>not_ready</c>, and each dependency's check.</summary>
public static class ReadinessResponse
{
    /// <summary>The tag of the health checks that <c>/ready</c> runs.</summary>
    public const string ReadyTag = "ready";

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var dependencies = report.Entries.ToDictionary(
            entry => entry.Key,
            entry => new DependencyStatus(
                entry.Value.Status.ToString().ToLowerInvariant(),
                entry.Value.Description,
                Math.Round(entry.Value.Duration.TotalMilliseconds, 3)),
            StringComparer.Ordinal);
        var status = report.Status == HealthStatus.Unhealthy ? "not_ready" : "ready";
        return context.Response.WriteAsJsonAsync(
            new ReadinessReport(status, dependencies), HealthJsonContext.Default.ReadinessReport, cancellationToken: context.RequestAborted);
    }
}
