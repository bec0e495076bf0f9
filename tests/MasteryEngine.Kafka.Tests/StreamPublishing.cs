using System.Text.Json;
using MasteryEngine.Grains;
using MasteryEngine.Silo.Kafka;

namespace MasteryEngine.Kafka.Tests;

/// <summary>Publishing through a Kafka stream while the broker comes and goes.</summary>
internal static class StreamPublishing
{
    public static LearningEvent Quiz(string student, int n) =>
        new(LearningEventTypes.Quiz, student, $"{student}-{n}", DateTimeOffset.UnixEpoch, null, null, JsonDocument.Parse("{}").RootElement);

    /// <summary>True when the publication was acknowledged, false when Kafka was unavailable.</summary>
    public static async Task<bool> SucceedsAsync(Func<Task> publish)
    {
        try
        {
            await publish();
            return true;
        }
        catch (StreamUnavailableException)
        {
            return false;
        }
    }
}
