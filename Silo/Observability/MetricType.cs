namespace MasteryEngine.Silo.Observability;

/// <summary>The Prometheus metric types this exposition produces.</summary>
public enum MetricType
{
    Counter,
    Gauge,
    Histogram,
}
