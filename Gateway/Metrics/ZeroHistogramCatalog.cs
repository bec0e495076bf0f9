using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace MasteryEngine.Gateway.Metrics;

/// <summary>
/// The histograms in seconds this host exports (ours, ASP.NET Core's, the Orleans latencies), learnt as the metric views see each instrument, and the
/// label sets their owners want shown at zero (the gateway's routes, say); <c>/metrics</c> shows each family at
/// zero until its first measurement (<see cref="ZeroValuedExposition"/>).
/// </summary>
public sealed class ZeroHistogramCatalog
{
    private readonly ConcurrentDictionary<string, Learnt> byInstrument = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<IReadOnlyList<KeyValuePair<string, string>>>> labelSets = new(StringComparer.Ordinal);

    /// <summary>The exporter's name for a histogram: characters outside <c>[a-zA-Z0-9_:]</c> become <c>_</c>, the unit <c>s</c> adds <c>_seconds</c>.</summary>
    public static string ExposedName(string instrumentName)
    {
        var name = string.Create(instrumentName.Length, instrumentName, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsAsciiLetterOrDigit(c) || c is '_' or ':' ? c : '_';
            }
        });
        return name.EndsWith("_seconds", StringComparison.Ordinal) ? name : name + "_seconds";
    }

    public void Learn(Instrument instrument, IReadOnlyList<double> bounds) =>
        byInstrument[instrument.Name] = new Learnt(ExposedName(instrument.Name), string.IsNullOrWhiteSpace(instrument.Description) ? instrument.Name : instrument.Description, [.. bounds]);

    /// <summary>One label set of <paramref name="instrumentName"/> to show at zero (without any, the family shows one unlabelled series).</summary>
    public void Declare(string instrumentName, IReadOnlyList<KeyValuePair<string, string>> labels) =>
        labelSets.GetOrAdd(instrumentName, _ => new()).Enqueue(labels);

    public IReadOnlyList<ZeroHistogramFamily> Families() =>
        [.. byInstrument.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => new ZeroHistogramFamily(
            entry.Value.Name,
            entry.Value.Help,
            entry.Value.Bounds,
            labelSets.TryGetValue(entry.Key, out var declared) ? [.. declared] : []))];

    private sealed record Learnt(string Name, string Help, double[] Bounds);
}
