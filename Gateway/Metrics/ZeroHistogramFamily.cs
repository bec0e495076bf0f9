namespace MasteryEngine.Gateway.Metrics;

/// <summary>
/// A histogram family as the Prometheus exporter names it (<c>http_request_duration_seconds</c>), with the
/// bucket bounds its view gives it and the label sets shown at zero until the family has a measurement.
/// </summary>
public sealed record ZeroHistogramFamily(
    string Name,
    string Help,
    IReadOnlyList<double> Bounds,
    IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> LabelSets);
