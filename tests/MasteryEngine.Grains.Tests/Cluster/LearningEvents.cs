using System.Text.Json;

namespace MasteryEngine.Grains.Tests.Cluster;

internal static class LearningEvents
{
    public static LearningEvent Quiz(string student, string eventId, double score, string? topic = null) =>
        new(LearningEventTypes.Quiz, student, eventId, DateTimeOffset.UtcNow, topic, null,
            JsonElement.Parse($$"""{"score": {{score.ToString(System.Globalization.CultureInfo.InvariantCulture)}}, "max_score": 1}"""));

    public static LearningEvent Answer(string student, string eventId, string topic, string item, bool correct) =>
        new(LearningEventTypes.Answer, student, eventId, DateTimeOffset.UtcNow, topic, null,
            JsonElement.Parse($$"""{"item_id": "{{item}}", "correct": {{(correct ? "true" : "false")}}}"""));
}
