using System.Text.Json.Serialization;
using MasteryEngine.Grains.Serialization;

namespace MasteryEngine.Grains;

[JsonConverter(typeof(SnakeCaseEnumConverter<MasteryTrend>))]
public enum MasteryTrend
{
    Improving,
    Stable,
    Declining,
}
