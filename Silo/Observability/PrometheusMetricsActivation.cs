using Microsoft.Extensions.Hosting;

namespace MasteryEngine.Silo.Observability;

/// <summary>
/// Creates the collector and the process gauge when the host starts: a listener created lazily by the first
/// scrape would miss every measurement taken before it.
/// </summary>
internal sealed class PrometheusMetricsActivation(PrometheusMetricsCollector collector, ProcessMetrics processMetrics) : IHostedService
{
    public PrometheusMetricsCollector Collector { get; } = collector;

    public ProcessMetrics ProcessMetrics { get; } = processMetrics;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
