using System.Diagnostics.Metrics;
using MasteryEngine.Silo.Observability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MasteryEngine.Gateway.Tests.Metrics;

/// <summary>A private meter factory and a collector listening to it: each test gets its own, so figures never mix.</summary>
public sealed class CollectorFixture : IDisposable
{
    private readonly ServiceProvider services;

    public CollectorFixture(params KeyValuePair<string, string?>[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        services = new ServiceCollection()
            .AddLogging()
            .AddPrometheusMetrics(configuration)
            .BuildServiceProvider();
        Collector = services.GetRequiredService<PrometheusMetricsCollector>();
        Meter = MeterFactory.Create("MasteryEngine.Test");
    }

    public IMeterFactory MeterFactory => services.GetRequiredService<IMeterFactory>();

    public PrometheusMetricsCollector Collector { get; }

    public Meter Meter { get; }

    public string Scrape() => PrometheusTextFormat.Write(Collector.Collect());

    public IReadOnlyList<ExpositionSample> Samples() => ExpositionSample.ParseAll(Scrape());

    public void Dispose() => services.Dispose();
}
