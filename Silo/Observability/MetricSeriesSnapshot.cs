namespace MasteryEngine.Silo.Observability;

/// <summary>One labelled series: a value for counters and gauges, or a histogram.</summary>
public sealed record MetricSeriesSnapshot(IReadOnlyList<MetricLabel> Labels, double Value, HistogramSnapshot? Histogram)
{
    public string? GetLabel(string name)
    {
        foreach (var label in Labels)
        {
            if (label.Name == name)
            {
                return label.Value;
            }
        }

        return null;
    }
}
