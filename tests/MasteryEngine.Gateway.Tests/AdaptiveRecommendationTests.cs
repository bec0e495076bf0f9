using System.Globalization;
using System.Net;
using System.Text.Json;
using MasteryEngine.Gateway.Tests.Infrastructure;

namespace MasteryEngine.Gateway.Tests;

/// <summary>
/// <c>/recommendations/adaptive</c> with the learner model: the seeds' fields stay, answered topics gain
/// <c>knowledge</c>, <c>in_success_band</c> and <c>knowledge_decay</c>, and topics in the success band come first,
/// the one whose knowledge decayed ahead. The same student with a band no topic is in gets the seed's order.
/// </summary>
public sealed class AdaptiveRecommendationTests
{
    private static readonly DateTimeOffset LongAgo = DateTimeOffset.UtcNow.AddDays(-50);

    [Fact]
    public async Task Topics_in_the_success_band_come_first_the_decayed_one_ahead_with_the_seed_fields_kept()
    {
        using var factory = new GatewayFactory();
        var client = factory.ClientFor(TestTokens.Admin());
        var studentId = await StudentWithAnOldAndARecentTopicAsync(client);

        var recommendations = await AdaptiveAsync(client, studentId);

        var topics = recommendations.Where(r => r.GetProperty("topic").ValueKind == JsonValueKind.String).ToList();
        Assert.Equal(["old", "recent"], topics.Select(r => r.GetProperty("topic").GetString()));
        Assert.All(topics, r => Assert.True(r.GetProperty("in_success_band").GetBoolean()));
        Assert.True(topics[0].GetProperty("knowledge_decay").GetDouble() > topics[1].GetProperty("knowledge_decay").GetDouble());
        Assert.Equal(["old", "recent"], recommendations.Take(2).Select(r => r.GetProperty("topic").GetString()));
        Assert.All(recommendations, r =>
        {
            foreach (var field in new[] { "component", "topic", "priority", "action", "expected_gain" })
            {
                Assert.True(r.TryGetProperty(field, out _), field);
            }
        });
        var component = recommendations.First(r => r.GetProperty("component").ValueKind == JsonValueKind.String);
        Assert.False(component.TryGetProperty("knowledge", out _));
        Assert.InRange(topics[0].GetProperty("knowledge").GetDouble(), 0.6, 0.8);
    }

    [Fact]
    public async Task With_no_topic_in_the_band_the_seed_ranking_by_expected_gain_is_kept()
    {
        using var factory = new GatewayFactory("Development", new Dictionary<string, string?>
        {
            ["Mastery:SuccessBandLow"] = "0.95",
            ["Mastery:SuccessBandHigh"] = "1",
        });
        var client = factory.ClientFor(TestTokens.Admin());
        var studentId = await StudentWithAnOldAndARecentTopicAsync(client);

        var recommendations = await AdaptiveAsync(client, studentId);

        var gains = recommendations.Select(r => r.GetProperty("expected_gain").GetDouble()).ToList();
        Assert.Equal(gains.OrderDescending(), gains);
        Assert.All(recommendations.Where(r => r.TryGetProperty("in_success_band", out _)), r => Assert.False(r.GetProperty("in_success_band").GetBoolean()));
        Assert.Equal("completion", recommendations[0].GetProperty("component").GetString());
    }

    /// <summary>"old": mostly right, 50 days ago (its knowledge has decayed since); "recent": half right, now.</summary>
    private static async Task<string> StudentWithAnOldAndARecentTopicAsync(HttpClient client)
    {
        var studentId = TestTokens.NewId("student");
        bool[] old = [true, true, true, false];
        bool[] recent = [true, false];
        for (var i = 0; i < old.Length; i++)
        {
            await IngestAsync(client, studentId, $"old-{i}", "old", old[i], LongAgo.AddMinutes(i));
        }

        for (var i = 0; i < recent.Length; i++)
        {
            await IngestAsync(client, studentId, $"recent-{i}", "recent", recent[i], DateTimeOffset.UtcNow);
        }

        return studentId;
    }

    private static async Task IngestAsync(HttpClient client, string studentId, string eventId, string topic, bool correct, DateTimeOffset at)
    {
        var body = $$"""
            {"event_type": "answer", "student_id": "{{studentId}}", "event_id": "{{eventId}}", "topic": "{{topic}}",
             "timestamp": "{{at.ToString("O", CultureInfo.InvariantCulture)}}",
             "data": {"item_id": "{{TestTokens.NewId("item")}}", "correct": {{(correct ? "true" : "false")}}} }
            """;
        var (status, _) = await client.PostAsync("/api/v1/mastery/ingest?wait=true", body);
        Assert.Equal(HttpStatusCode.OK, status);
    }

    private static async Task<List<JsonElement>> AdaptiveAsync(HttpClient client, string studentId)
    {
        var (status, body) = await client.PostAsync("/api/v1/recommendations/adaptive", $$"""{"student_id": "{{studentId}}", "limit": 10}""");
        Assert.Equal(HttpStatusCode.OK, status);
        return [.. body.Path("data.recommendations").EnumerateArray()];
    }
}
