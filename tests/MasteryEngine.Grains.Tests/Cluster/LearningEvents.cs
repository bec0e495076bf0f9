using System.Text.Json;

namespace MasteryEngine.Grains.Tests.Cluster;

internal static class LearningEvents
{
    public static LearningEvent Quiz(string student, string eventId, double score, string? topic = null) =>
        new(LearningEventTypes.Quiz, student, eventId, DateTimeOffset.UtcNow, topic, null,
            JsonElement.Parse($$"""{"score": {{score.ToString(System.Globalization.CultureInfo.InvariantCulture)}}, "max_score": 1}"""));
}
