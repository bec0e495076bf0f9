using MasteryEngine.Gateway.Metrics;
using MasteryEngine.Grains.Observability;
using MasteryEngine.Silo.Observability;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MasteryEngine.Gateway.Observability;

/// <summary>
/// Puts the observability middleware in front of everything the application adds (authentication, rate
/// limiting, routing), so rejected requests are counted, timed, logged and correlated too; and creates the process
/// gauge and the mastery instruments before the first scrape.
/// </summary>
internal sealed class ObservabilityStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.ApplicationServices.GetRequiredService<ProcessMetrics>();
        app.ApplicationServices.GetRequiredService<MasteryMetrics>();
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseMiddleware<HttpMetricsMiddleware>();
        next(app);
    };
}
