using System.Text.Json.Serialization;
using MasteryEngine.Grains;

namespace MasteryEngine.Bench;

/// <summary>The replaced audit design's state: the month's whole record list as one JSON document.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(List<ComplianceAuditRecord>))]
internal sealed partial class AuditBenchJsonContext : JsonSerializerContext;
