using System.Text.Json.Serialization;

namespace MasteryEngine.Gateway.Metrics;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(DetailedMetricsReport))]
internal sealed partial class MetricsJsonContext : JsonSerializerContext;
