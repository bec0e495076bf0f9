namespace MasteryEngine.Silo.Observability;

/// <summary>One Prometheus label: a sanitized name and its raw (unescaped) value.</summary>
public readonly record struct MetricLabel(string Name, string Value);
