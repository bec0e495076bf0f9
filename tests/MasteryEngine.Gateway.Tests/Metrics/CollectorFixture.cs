using System.Diagnostics.Metrics;
using MasteryEngine.Gateway.Metrics;
using MasteryEngine.Gateway.Observability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace MasteryEngine.Gateway.Tests.Metrics;

/// <summary>
/// The gateway's OpenTelemetry metrics on a private container and meter factory: each test gets its own, so
/// figures never mix. Samples carry instrument names, which for gauges are the exposed names too.
/// </summary>
public sealed class CollectorFixture : IDisposable
{
    private readonly ServiceProvider services;

    public CollectorFixture()
    {
        services = new ServiceCollection()
            .AddLogging()
            .AddMetrics()
            .AddMasteryTelemetry(new ConfigurationBuilder().Build())
            .BuildServiceProvider();
        services.GetRequiredService<MeterProvider>();
    }

    public IMeterFactory MeterFactory => services.GetRequiredService<IMeterFactory>();

    public IReadOnlyList<ExpositionSample> Samples() =>
        [.. services.GetRequiredService<DetailedMetricsReader>().Collect().Select(s => new ExpositionSample(s.Instrument, s.Labels, s.Value))];

    public void Dispose() => services.Dispose();
}
