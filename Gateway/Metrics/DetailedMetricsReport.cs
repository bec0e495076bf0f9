namespace MasteryEngine.Gateway.Metrics;

/// <summary>
/// The <c>/metrics/detailed</c> view: figures an operator reads without a Prometheus server. Totals are since the
/// process started. Circuit breakers come from the <c>circuit_breaker_state{name}</c> gauge (0 closed, 1 open,
/// 2 half-open, 3 isolated, as Polly's <c>CircuitState</c>). There is no cache hit ratio: nothing here is a
/// cache (a grain activation holds its student's state and Redis is the store of record), see docs/runbooks.md.
/// </summary>
public sealed record DetailedMetricsReport(
    long ActiveRequests,
    long TotalRequests,
    double? ErrorRate,
    IReadOnlyDictionary<string, string> CircuitBreakers,
    IReadOnlyList<RouteLatency> Routes)
{
    /// <summary>The gauge <c>Silo/Resilience/CircuitBreakerStates</c> publishes.</summary>
    public const string CircuitBreakerInstrument = "circuit_breaker_state";

    public static DetailedMetricsReport From(IReadOnlyList<CollectedSeries> collected)
    {
        var byName = collected.ToLookup(s => s.Instrument, StringComparer.Ordinal);
        var requests = Series(byName, HttpMetrics.RequestsInstrument);
        var total = (long)requests.Sum(s => s.Value);
        var errors = (long)requests.Where(IsServerError).Sum(s => s.Value);
        return new DetailedMetricsReport(
            (long)Series(byName, HttpMetrics.ActiveInstrument).Sum(s => s.Value),
            total,
            total == 0 ? null : (double)errors / total,
            CircuitBreakersOf(byName),
            RoutesOf(byName, requests));
    }

    private static List<CollectedSeries> Series(ILookup<string, CollectedSeries> byName, string instrument) => [.. byName[instrument]];

    private static bool IsServerError(CollectedSeries series) => series.GetLabel("status") is [ '5', _, _ ];

    private static Dictionary<string, string> CircuitBreakersOf(ILookup<string, CollectedSeries> byName)
    {
        var breakers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var series in Series(byName, CircuitBreakerInstrument))
        {
            breakers[series.GetLabel("name") ?? "default"] = series.Value switch
            {
                0 => "closed",
                1 => "open",
                2 => "half_open",
                3 => "isolated",
                _ => "unknown",
            };
        }

        return breakers;
    }

    private static List<RouteLatency> RoutesOf(ILookup<string, CollectedSeries> byName, IReadOnlyList<CollectedSeries> requests)
    {
        var routes = new List<RouteLatency>();
        foreach (var series in Series(byName, HttpMetrics.DurationInstrument))
        {
            if (series.Histogram is not { } histogram)
            {
                continue;
            }

            var method = series.GetLabel("method") ?? "";
            var route = series.GetLabel("route") ?? "";
            var errors = requests
                .Where(r => r.GetLabel("method") == method && r.GetLabel("route") == route && IsServerError(r))
                .Sum(r => r.Value);
            routes.Add(new RouteLatency(
                method,
                route,
                histogram.Count,
                (long)errors,
                Milliseconds(histogram.EstimateQuantile(0.50)),
                Milliseconds(histogram.EstimateQuantile(0.95)),
                Milliseconds(histogram.EstimateQuantile(0.99))));
        }

        return [.. routes.OrderBy(r => r.Route, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)];
    }

    private static double? Milliseconds(double? seconds) => seconds is { } s ? Math.Round(s * 1000, 3) : null;
}
