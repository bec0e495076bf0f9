namespace MasteryEngine.Grains;

/// <summary>
/// A recommended item: the learner model's P(correct) for it now, whether that lies in the configured success
/// band, and how much of the topic's knowledge has decayed since the student last practised it.
/// </summary>
[GenerateSerializer, Immutable, Alias("mastery.practice-recommendation")]
public sealed record PracticeRecommendation(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string Topic,
    [property: Id(2)] double PCorrect,
    [property: Id(3)] bool InSuccessBand,
    [property: Id(4)] double KnowledgeDecay);
