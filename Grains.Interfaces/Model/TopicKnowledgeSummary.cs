namespace MasteryEngine.Grains;

/// <summary>
/// The learner model's knowledge of one topic: P(correct) on a typical item of it now, its 95% interval, the
/// standard error on the logit scale and the answers behind it. <paramref name="LittleEvidence"/> says the
/// estimate rests on fewer answers than the model trusts (see docs/learner-model.md).
/// </summary>
[GenerateSerializer, Immutable, Alias("mastery.topic-knowledge")]
public sealed record TopicKnowledgeSummary(
    [property: Id(0)] string Topic,
    [property: Id(1)] double Knowledge,
    [property: Id(2)] double KnowledgeLow,
    [property: Id(3)] double KnowledgeHigh,
    [property: Id(4)] double StandardError,
    [property: Id(5)] int Evidence,
    [property: Id(6)] bool LittleEvidence);
