using System.Text.Json.Serialization;
using MasteryEngine.Grains.Serialization;

namespace MasteryEngine.Grains;

[JsonConverter(typeof(SnakeCaseEnumConverter<RecommendationPriority>))]
[GenerateSerializer, Alias("mastery.recommendation-priority")]
public enum RecommendationPriority
{
    High,
    Medium,
    Low,
}
