using System.Text.Json.Serialization;

namespace MasteryEngine.ServiceDefaults.Health;

/// <summary>The probes' JSON, snake_case like the rest of the services' wire JSON.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DictionaryKeyPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ReadinessReport))]
[JsonSerializable(typeof(LivenessStatus))]
public sealed partial class HealthJsonContext : JsonSerializerContext;
