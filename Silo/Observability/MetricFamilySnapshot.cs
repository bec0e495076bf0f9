namespace MasteryEngine.Silo.Observability;

/// <summary>One Prometheus metric family as collected at one instant.</summary>
public sealed record MetricFamilySnapshot(string Name, string Help, MetricType Type, IReadOnlyList<MetricSeriesSnapshot> Series);
