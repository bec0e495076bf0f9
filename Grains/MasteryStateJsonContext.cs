using System.Text.Json.Serialization;

namespace MasteryEngine.Grains;

/// <summary>
/// Source-generated JSON for the grain states (what storage holds). Property names are short camelCase and
/// defaults are written so a record always round-trips exactly.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(StudentMasteryState))]
[JsonSerializable(typeof(CohortState))]
[JsonSerializable(typeof(BatchState))]
public sealed partial class MasteryStateJsonContext : JsonSerializerContext;
