using System.Net;
using MasteryEngine.Gateway.Tests.Infrastructure;
using MasteryEngine.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace MasteryEngine.Gateway.Tests;

public sealed class IngestTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private HttpClient Admin => factory.ClientFor(TestTokens.Admin());

    [Fact]
    public async Task Ingested_event_reaches_the_students_mastery_through_the_stream()
    {
        var studentId = TestTokens.NewId("student");
        var client = factory.ClientFor(TestTokens.Student(studentId));

        var (status, body) = await client.PostAsync("/api/v1/mastery/ingest", $$"""
            {"event_type": "completion", "student_id": "{{studentId}}",
             "data": {"total_exercises": 10, "completed_exercises": 8, "difficulty": "intermediate"} }
            """);

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.StartsWith("evt_", body.Path("data.event_id").GetString());
        var data = await Eventually.UntilAsync(
            () => client.QueryWhenKnownAsync(studentId),
            query => query?.Path("current_mastery.components.completion").GetDouble() > 0,
            "the completion event to be applied");
        Assert.True(data!.Value.Path("current_mastery.mastery_score").GetDouble() > 0);
    }

    [Fact]
    public async Task Given_event_id_is_kept()
    {
        var studentId = TestTokens.NewId("student");

        var (status, body) = await Admin.PostAsync("/api/v1/mastery/ingest", $$"""
            {"event_type": "quiz", "student_id": "{{studentId}}", "event_id": "quiz-42", "data": {"score": 8, "max_score": 10} }
            """);

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("quiz-42", body.Path("data.event_id").GetString());
    }

    [Fact]
    public async Task Unknown_event_type_is_a_400_that_lists_the_known_ones()
    {
        using var response = await Admin.PostJsonAsync("/api/v1/mastery/ingest",
            """{"event_type": "teleport", "student_id": "s1", "data": {}}""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("exercise.completed", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("teleport", problem.GetRawText());
    }

    [Fact]
    public async Task Event_data_the_domain_rejects_is_a_400_with_the_reason()
    {
        using var response = await Admin.PostJsonAsync("/api/v1/mastery/ingest",
            """{"event_type": "quiz", "student_id": "s1", "data": {"score": 12, "max_score": 10}}""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("score", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Student_may_not_ingest_for_another_student()
    {
        using var response = await factory.ClientFor(TestTokens.Student("student_a")).PostJsonAsync("/api/v1/mastery/ingest",
            """{"event_type": "quiz", "student_id": "student_b", "data": {"score": 1, "max_score": 10}}""");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
