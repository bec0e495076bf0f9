using System.Text.Json.Serialization;
using MasteryEngine.Grains.Serialization;

namespace MasteryEngine.Grains;

[JsonConverter(typeof(SnakeCaseEnumConverter<MasteryTrend>))]
[GenerateSerializer, Alias("mastery.mastery-trend")]
public enum MasteryTrend
{
    Improving,
    Stable,
    Declining,
}
