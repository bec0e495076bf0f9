using System.Text.Json.Serialization;

namespace MasteryEngine.Silo.Redis;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(GrainInvalidation))]
internal sealed partial class RedisJsonContext : JsonSerializerContext;
