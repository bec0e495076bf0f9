using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace MasteryEngine.Gateway.Metrics;

/// <summary>
/// Orleans' latency histograms in milliseconds (grain calls, storage reads and writes, activation), re-recorded in
/// seconds on the meter <c>MasteryEngine.Orleans</c> under the same names, so <c>/metrics</c> shows
/// <c>orleans_app_requests_latency_seconds</c>, <c>orleans_storage_write_latency_seconds</c>, ... with the seconds buckets.
/// A bridge because OpenTelemetry .NET has no view that rescales: a view renames and re-buckets, and Prometheus
/// (promtool) rejects the <c>_milliseconds</c> families a rename would leave.
/// </summary>
public sealed class OrleansSecondsInstruments : IDisposable
{
    public const string MeterName = "MasteryEngine.Orleans";
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Created before Orleans first measures them, so a fresh process already shows them at zero.</summary>
    public static readonly IReadOnlyList<string> Latencies =
    [
        "orleans-app-requests-latency",
        "orleans-catalog-activation-latency",
        "orleans-storage-clear-latency",
        "orleans-storage-read-latency",
        "orleans-storage-write-latency",
    ];

    private const string Milliseconds = "ms";

    /// <summary>The persistent-stream instruments carry camelCase labels Prometheus' linter rejects; they stay out.</summary>
    private const string StreamsPrefix = "orleans-streams-";

    private readonly Meter meter;
    private readonly IMeterFactory meterFactory;
    private readonly ConcurrentDictionary<string, Histogram<double>> twins = new(StringComparer.Ordinal);
    private readonly MeterListener listener = new();

    public OrleansSecondsInstruments(IMeterFactory meterFactory)
    {
        this.meterFactory = meterFactory;
        meter = meterFactory.Create(MeterName);
        foreach (var name in Latencies)
        {
            TwinOf(name);
        }

        listener.InstrumentPublished = (instrument, published) =>
        {
            if (IsOrleansMilliseconds(instrument))
            {
                published.EnableMeasurementEvents(instrument, TwinOf(instrument.Name));
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, twin) => ((Histogram<double>)twin!).Record(value / 1000, tags));
        listener.SetMeasurementEventCallback<float>((_, value, tags, twin) => ((Histogram<double>)twin!).Record(value / 1000d, tags));
        listener.SetMeasurementEventCallback<long>((_, value, tags, twin) => ((Histogram<double>)twin!).Record(value / 1000d, tags));
        listener.SetMeasurementEventCallback<int>((_, value, tags, twin) => ((Histogram<double>)twin!).Record(value / 1000d, tags));
        listener.Start();
    }

    public void Dispose() => listener.Dispose();

    /// <summary>This host's Orleans histograms in milliseconds; other hosts in the process have their own bridge.</summary>
    private bool IsOrleansMilliseconds(Instrument instrument) =>
        instrument.Meter.Name == OrleansMeter
        && instrument.Unit == Milliseconds
        && instrument is Histogram<double> or Histogram<float> or Histogram<long> or Histogram<int>
        && !instrument.Name.StartsWith(StreamsPrefix, StringComparison.Ordinal)
        && (instrument.Meter.Scope is not IMeterFactory owner || ReferenceEquals(owner, meterFactory));

    private Histogram<double> TwinOf(string name) =>
        twins.GetOrAdd(name, n => meter.CreateHistogram<double>(n, unit: "s", description: $"Orleans {n}, in seconds."));
}
