using System.Net;
using MasteryEngine.Gateway.Tests.Infrastructure;

namespace MasteryEngine.Gateway.Tests;

public sealed class ProcessTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    [Fact]
    public async Task Each_intent_answers_like_its_own_route()
    {
        var studentId = TestTokens.NewId("student");
        var client = factory.ClientFor(TestTokens.Student(studentId));

        var (calculated, calculation) = await client.PostAsync("/process", $$"""
            {"intent": "mastery_calculation", "payload": {"student_id": "{{studentId}}",
             "components": {"completion": 0.85, "quiz": 0.90, "quality": 0.85, "consistency": 0.82} } }
            """);
        var (queried, query) = await client.PostAsync("/api/v1/process", $$"""{"intent": "mastery_query", "payload": {"student_id": "{{studentId}}"} }""");
        var (predicted, prediction) = await client.PostAsync("/api/v1/process", $$"""{"intent": "prediction", "payload": {"student_id": "{{studentId}}", "timeframe_days": 3} }""");
        var (recommended, recommendations) = await client.PostAsync("/api/v1/process", $$"""{"intent": "recommendations", "payload": {"student_id": "{{studentId}}", "limit": 2} }""");
        var (ingested, ingest) = await client.PostAsync("/api/v1/process", $$"""
            {"intent": "ingest", "payload": {"event_type": "quiz", "student_id": "{{studentId}}", "data": {"score": 9, "max_score": 10} } }
            """);

        Assert.Equal(HttpStatusCode.OK, calculated);
        Assert.Equal(0.862, calculation.Path("data.mastery_score").GetDouble(), 6);
        Assert.Equal(HttpStatusCode.OK, queried);
        Assert.Equal(0.862, query.Path("data.current_mastery.mastery_score").GetDouble(), 6);
        Assert.Equal(HttpStatusCode.OK, predicted);
        Assert.Equal(3, prediction.Path("data.timeframe_days").GetInt32());
        Assert.Equal(HttpStatusCode.OK, recommended);
        Assert.InRange(recommendations.Path("data.recommendations").GetArrayLength(), 0, 2);
        Assert.Equal(HttpStatusCode.Accepted, ingested);
        Assert.False(string.IsNullOrEmpty(ingest.Path("data.event_id").GetString()));
        Assert.All(new[] { calculation, query, prediction, recommendations, ingest }, body => Assert.True(body.GetProperty("success").GetBoolean()));
    }

    [Fact]
    public async Task Unknown_intent_is_a_400_listing_the_valid_ones()
    {
        using var response = await factory.ClientFor(TestTokens.Admin()).PostJsonAsync("/api/v1/process",
            """{"intent": "launch_rockets", "payload": {"student_id": "s1"}}""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var detail = problem.GetProperty("detail").GetString();
        foreach (var intent in new[] { "mastery_calculation", "mastery_query", "prediction", "recommendations", "ingest" })
        {
            Assert.Contains(intent, detail);
        }

        Assert.DoesNotContain("launch_rockets", problem.GetRawText());
    }

    [Theory]
    [InlineData("""{"intent": "mastery_query"}""")]
    [InlineData("""{"intent": "mastery_query", "payload": "s1"}""")]
    [InlineData("""{"intent": "mastery_query", "payload": {"student_id": 7}}""")]
    [InlineData("""{"intent": "prediction", "payload": {"student_id": "s1", "timeframe_days": 90}}""")]
    public async Task Bad_payload_is_a_400_problem(string json)
    {
        using var response = await factory.ClientFor(TestTokens.Admin()).PostJsonAsync("/api/v1/process", json);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Intent_follows_the_same_access_rules_as_its_route()
    {
        using var response = await factory.ClientFor(TestTokens.Student("student_a")).PostJsonAsync("/api/v1/process",
            """{"intent": "mastery_query", "payload": {"student_id": "student_b"}}""");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
