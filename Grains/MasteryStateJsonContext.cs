using System.Text.Json.Serialization;

namespace MasteryEngine.Grains;

/// <summary>
/// Source-generated JSON for the grain states (what storage holds); registered as an
/// <see cref="System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver"/> for the runtime's state serializer.
/// </summary>
[JsonSerializable(typeof(StudentMasteryState))]
[JsonSerializable(typeof(CohortState))]
[JsonSerializable(typeof(BatchState))]
[JsonSerializable(typeof(Learning.ItemState))]
public sealed partial class MasteryStateJsonContext : JsonSerializerContext;
