using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace MasteryEngine.Gateway.Metrics;

/// <summary>
/// How instruments become metric streams. One view does it all, because every view that matches an instrument
/// adds a stream of its own and two streams would give one Prometheus family twice.
/// </summary>
public static class MetricViews
{
    /// <summary>Our meters (<c>MasteryEngine.Http</c>, <c>.Mastery</c>, <c>.Kafka</c>, <c>.Storage</c>, ...).</summary>
    public const string OwnMeters = "MasteryEngine.*";

    /// <summary>
    /// Runtime gauges named <c>*.count</c> would be exposed ending in <c>_count</c>, which Prometheus reserves for
    /// histograms and summaries (<c>promtool check metrics</c> rejects them), so they get these names.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> RuntimeGaugeNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["dotnet.assembly.count"] = "dotnet.assemblies.loaded",
        ["dotnet.process.cpu.count"] = "dotnet.process.cpus",
        ["dotnet.timer.count"] = "dotnet.timers",
    };

    private const string RuntimeMeter = "System.Runtime";
    private const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>
    /// Orleans instruments Prometheus' linter rejects and a view cannot repair: latencies in milliseconds and
    /// memory in megabytes (a view renames, it does not rescale; the latencies come back in seconds through
    /// <see cref="OrleansSecondsInstruments"/>), and the persistent-stream queues, caches and block pool with camelCase labels.
    /// </summary>
    private static readonly string[] OrleansNonBaseUnits = ["ms", "MB"];
    private static readonly string[] OrleansCamelCaseLabelled = ["orleans-streams-block-pool", "orleans-streams-queue"];

    /// <summary>
    /// Instruments of a meter another host's <see cref="IMeterFactory"/> created are dropped: OpenTelemetry
    /// listens process-wide by meter name, and two hosts in one process (test servers, a co-hosted client) must
    /// not count each other's requests. Histograms in seconds without bucket advice get
    /// <see cref="SecondsHistogramOptions.HistogramBuckets"/>: the SDK's defaults (0, 5, 10, 25, ... 10000) suit
    /// milliseconds and would put every request under 5 s into one bucket. Some runtime gauges are renamed
    /// (<see cref="RuntimeGaugeNames"/>); Orleans instruments get HELP text, and those in non-base units are left out
    /// (<see cref="OrleansSecondsInstruments"/> re-records the latencies in seconds). Histograms in seconds are
    /// learnt by <see cref="ZeroHistogramCatalog"/>, so <c>/metrics</c> shows them at zero before their first measurement.
    /// </summary>
    public static Func<Instrument, MetricStreamConfiguration?> For(IServiceProvider services)
    {
        var meterFactory = services.GetRequiredService<IMeterFactory>();
        var buckets = services.GetRequiredService<IOptions<SecondsHistogramOptions>>().Value.HistogramBuckets.ToArray();
        var zeroHistograms = services.GetRequiredService<ZeroHistogramCatalog>();
        return instrument =>
        {
            if (instrument.Meter.Scope is IMeterFactory owner && !ReferenceEquals(owner, meterFactory))
            {
                return MetricStreamConfiguration.Drop;
            }

            if (instrument.Meter.Name == OrleansMeter)
            {
                return OrleansStream(instrument);
            }

            if (instrument.Meter.Name == RuntimeMeter && RuntimeGaugeNames.TryGetValue(instrument.Name, out var name))
            {
                return new MetricStreamConfiguration { Name = name };
            }

            if (instrument.Unit != "s" || AdvisedBoundsOf(instrument) is not { } advised)
            {
                return null;
            }

            zeroHistograms.Learn(instrument, advised.Count > 0 ? advised : buckets);

            return advised.Count > 0 ? null : new ExplicitBucketHistogramConfiguration { Boundaries = buckets };
        };
    }

    /// <summary>Orleans' instruments carry no description; Prometheus wants HELP text, so they get their name.</summary>
    private static MetricStreamConfiguration? OrleansStream(Instrument instrument)
    {
        if (OrleansNonBaseUnits.Contains(instrument.Unit) || OrleansCamelCaseLabelled.Any(prefix => instrument.Name.StartsWith(prefix, StringComparison.Ordinal)))
        {
            return MetricStreamConfiguration.Drop;
        }

        return string.IsNullOrWhiteSpace(instrument.Description)
            ? new MetricStreamConfiguration { Description = "Orleans " + instrument.Name }
            : null;
    }

    /// <summary>A histogram's advised bucket bounds, empty when it advises none; null for other instruments.</summary>
    private static IReadOnlyList<double>? AdvisedBoundsOf(Instrument instrument) => instrument switch
    {
        Histogram<double> h => h.Advice?.HistogramBucketBoundaries ?? [],
        Histogram<float> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray() ?? [],
        Histogram<long> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray() ?? [],
        Histogram<int> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray() ?? [],
        _ => null,
    };
}
