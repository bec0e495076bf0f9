namespace MasteryEngine.Grains;

public enum RecommendationPriority
{
    High,
    Medium,
    Low,
}
