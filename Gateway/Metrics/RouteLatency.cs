namespace MasteryEngine.Gateway.Metrics;

/// <summary>Requests and latency of one route since the process started; quantiles are estimated from the histogram.</summary>
public sealed record RouteLatency(string Method, string Route, long Count, long Errors, double? P50Ms, double? P95Ms, double? P99Ms);
