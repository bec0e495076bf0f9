using System.Text.Json;
using System.Text.Json.Serialization;

namespace MasteryEngine.Grains.Serialization;

/// <summary>Writes enum values as the seeds do: <c>novice</c>, <c>high</c>, <c>improving</c>.</summary>
public sealed class SnakeCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;
