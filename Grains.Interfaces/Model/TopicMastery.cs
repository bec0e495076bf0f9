using System.Text.Json.Serialization;

namespace MasteryEngine.Grains;

/// <summary>Mastery within one topic (e.g. <c>python.loops</c>); <c>Knowledge</c> once the student answered items of it.</summary>
[GenerateSerializer, Immutable, Alias("mastery.topic-mastery")]
public sealed record TopicMastery([property: Id(0)] string Topic, [property: Id(1)] double MasteryScore, [property: Id(2)] MasteryLevel Level, [property: Id(3)] ComponentScores Components,
    [property: Id(4), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TopicKnowledgeSummary? Knowledge = null);
