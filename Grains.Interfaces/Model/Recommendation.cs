using System.Text.Json.Serialization;

namespace MasteryEngine.Grains;

/// <summary>A next step for the student, ranked by weight × gap.</summary>
/// <param name="Component">The component it improves, or null when it is about a topic.</param>
/// <param name="Topic">The topic it is about, or null when it is about a component overall.</param>
/// <param name="ExpectedGain">Expected rise of the overall mastery score if the action succeeds.</param>
/// <param name="Knowledge">For a topic the student answered items of: the learner model's knowledge of it now (P(correct) on a typical item).</param>
/// <param name="InSuccessBand">Whether that knowledge lies in the configured success band.</param>
/// <param name="KnowledgeDecay">How much of it decayed since the student last answered on the topic.</param>
[GenerateSerializer, Immutable, Alias("mastery.recommendation")]
public sealed record Recommendation(
    [property: Id(0)] MasteryComponent? Component,
    [property: Id(1)] string? Topic,
    [property: Id(2)] RecommendationPriority Priority,
    [property: Id(3)] string Action,
    [property: Id(4)] double ExpectedGain,
    [property: Id(5), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Knowledge = null,
    [property: Id(6), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? InSuccessBand = null,
    [property: Id(7), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? KnowledgeDecay = null);
