namespace MasteryEngine.Grains.Domain;

/// <summary>A ranked next step before it is put into words: a component (with its score) or a topic.</summary>
public readonly record struct RankedStep(
    MasteryComponent? Component,
    TopicMastery? Topic,
    double Score,
    RecommendationPriority Priority,
    double ExpectedGain);
