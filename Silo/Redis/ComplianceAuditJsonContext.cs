using System.Text.Json.Serialization;
using MasteryEngine.Grains;

namespace MasteryEngine.Silo.Redis;

/// <summary>An audit record as it is kept in a Redis stream entry: snake_case JSON, as the API shows it.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ComplianceAuditRecord))]
public sealed partial class ComplianceAuditJsonContext : JsonSerializerContext;
