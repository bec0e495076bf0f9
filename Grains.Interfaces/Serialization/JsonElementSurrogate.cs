namespace MasteryEngine.Grains.Serialization;

/// <summary>
/// How a <see cref="System.Text.Json.JsonElement"/> (a learning event's <c>data</c>) crosses a grain boundary: as
/// its JSON text. Orleans has no codec for it, and the text is what the event arrived as.
/// </summary>
[GenerateSerializer, Immutable, Alias("mastery.json-element")]
public readonly record struct JsonElementSurrogate([property: Id(0)] string? Json);
