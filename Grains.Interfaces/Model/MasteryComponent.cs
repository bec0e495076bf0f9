using System.Text.Json.Serialization;
using MasteryEngine.Grains.Serialization;

namespace MasteryEngine.Grains;

[JsonConverter(typeof(SnakeCaseEnumConverter<MasteryComponent>))]
[GenerateSerializer, Alias("mastery.mastery-component")]
public enum MasteryComponent
{
    Completion,
    Quiz,
    Quality,
    Consistency,
}
