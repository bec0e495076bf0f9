namespace MasteryEngine.Gateway.Metrics;

/// <summary>
/// One labelled series of an instrument as the OpenTelemetry SDK aggregated it since the process started: the
/// value of a sum or gauge, or a histogram.
/// </summary>
public sealed record CollectedSeries(string Instrument, IReadOnlyDictionary<string, string> Labels, double Value, HistogramSnapshot? Histogram)
{
    public string? GetLabel(string name) => Labels.GetValueOrDefault(name);
}
