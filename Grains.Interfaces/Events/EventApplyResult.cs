using System.Text.Json.Serialization;

namespace MasteryEngine.Grains;

/// <summary>The outcome of applying one learning event.</summary>
/// <param name="Applied">False when the event id had already been applied: nothing changed.</param>
/// <param name="PredictedCorrect">For an applied answer, the P(correct) the learner model gave it before seeing it.</param>
/// <param name="Knowledge">For an applied answer, the topic's knowledge after it.</param>
[GenerateSerializer, Immutable, Alias("mastery.event-apply-result")]
public sealed record EventApplyResult([property: Id(0)] string StudentId, [property: Id(1)] string EventId, [property: Id(2)] bool Applied, [property: Id(3)] double MasteryScore, [property: Id(4)] MasteryLevel Level,
    [property: Id(5), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? PredictedCorrect = null,
    [property: Id(6), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TopicKnowledgeSummary? Knowledge = null);
