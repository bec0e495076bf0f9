using System.Text.Json.Serialization;
using MasteryEngine.Grains.Serialization;

namespace MasteryEngine.Grains;

/// <summary>Ordered from lowest to highest.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<MasteryLevel>))]
[GenerateSerializer, Alias("mastery.mastery-level")]
public enum MasteryLevel
{
    Novice,
    Developing,
    Proficient,
    Mastered,
}
