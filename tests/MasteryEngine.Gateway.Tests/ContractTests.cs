using System.Net;
using System.Text.Json;
using MasteryEngine.Gateway.Tests.Infrastructure;

namespace MasteryEngine.Gateway.Tests;

/// <summary>
/// Replays the request examples of the seeds' README and deployment checklist (unprefixed and under /api/v1)
/// and checks every response field they name.
/// </summary>
public sealed class ContractTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private const string SeedComponents = """{"completion": 0.85, "quiz": 0.90, "quality": 0.85, "consistency": 0.82}""";

    [Theory]
    [InlineData("")]
    [InlineData("/api/v1")]
    public async Task Readme_calculate_example_gives_0_862_and_proficient(string prefix)
    {
        var studentId = TestTokens.NewId("student");
        var client = factory.ClientFor(TestTokens.Student(studentId));

        var (status, body) = await client.PostAsync($"{prefix}/mastery/calculate",
            $$"""{"student_id": "{{studentId}}", "components": {{SeedComponents}}}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("success").GetBoolean());
        var data = body.GetProperty("data");
        Assert.Equal(studentId, data.GetProperty("student_id").GetString());
        Assert.Equal(0.862, data.GetProperty("mastery_score").GetDouble(), 6);
        Assert.Equal("proficient", data.GetProperty("level").GetString());
        Assert.Equal(0.90, data.Path("components.quiz").GetDouble(), 6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/api/v1")]
    public async Task Readme_query_example_answers_every_field_it_shows(string prefix)
    {
        var studentId = TestTokens.NewId("student");
        var client = factory.ClientFor(TestTokens.Student(studentId));
        await client.CalculateAsync(studentId, 0.85, 0.90, 0.85, 0.82);

        var (status, body) = await client.PostAsync($"{prefix}/mastery/query",
            $$"""{"student_id": "{{studentId}}", "include_components": true}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("success").GetBoolean());
        var data = body.GetProperty("data");
        Assert.Equal(studentId, data.GetProperty("student_id").GetString());
        Assert.Equal(0.862, data.Path("current_mastery.mastery_score").GetDouble(), 6);
        Assert.Equal("proficient", data.Path("current_mastery.level").GetString());
        Assert.Equal(0.85, data.Path("current_mastery.components.completion").GetDouble(), 6);
        Assert.Equal(0.90, data.Path("current_mastery.components.quiz").GetDouble(), 6);
        Assert.Equal(0.85, data.Path("current_mastery.components.quality").GetDouble(), 6);
        Assert.Equal(0.82, data.Path("current_mastery.components.consistency").GetDouble(), 6);
        Assert.Equal(4, data.Path("current_mastery.breakdown").GetArrayLength());
        Assert.Equal(JsonValueKind.Array, data.Path("current_mastery.recommendations").ValueKind);
        Assert.Equal(0.862, data.GetProperty("historical_average").GetDouble(), 6);
        Assert.Contains(data.GetProperty("trend").GetString(), new[] { "improving", "stable", "declining" });
    }

    [Fact]
    public async Task Readme_prediction_example_answers_a_seven_day_trajectory()
    {
        var studentId = TestTokens.NewId("student");
        var client = factory.ClientFor(TestTokens.Student(studentId));
        await client.CalculateAsync(studentId, 0.5, 0.5, 0.5, 0.5);

        var (status, body) = await client.PostAsync("/predictions/next-week", $$"""{"student_id": "{{studentId}}", "timeframe_days": 7}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("success").GetBoolean());
        var data = body.GetProperty("data");
        Assert.Equal(studentId, data.GetProperty("student_id").GetString());
        Assert.Equal(7, data.GetProperty("timeframe_days").GetInt32());
        var confidence = data.GetProperty("confidence").GetDouble();
        Assert.InRange(confidence, 0, 1);
        Assert.InRange(data.GetProperty("predicted_mastery").GetDouble(), 0, 1);
    }

    [Fact]
    public async Task Readme_recommendations_example_answers_at_most_five_high_priority_items()
    {
        var studentId = TestTokens.NewId("student");
        var client = factory.ClientFor(TestTokens.Student(studentId));
        await client.CalculateAsync(studentId, 0.2, 0.3, 0.4, 0.1);

        var (status, body) = await client.PostAsync("/recommendations/adaptive",
            $$"""{"student_id": "{{studentId}}", "limit": 5, "priority": "high"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var recommendations = body.Path("data.recommendations");
        Assert.InRange(recommendations.GetArrayLength(), 1, 5);
        Assert.All(recommendations.EnumerateArray(), item => Assert.Equal("high", item.GetProperty("priority").GetString()));
        Assert.All(recommendations.EnumerateArray(), item => Assert.False(string.IsNullOrEmpty(item.GetProperty("action").GetString())));
    }

    [Fact]
    public async Task Readme_ingest_example_is_accepted_with_an_event_id()
    {
        var studentId = TestTokens.NewId("student");
        var client = factory.ClientFor(TestTokens.Student(studentId));

        var (status, body) = await client.PostAsync("/mastery/ingest", $$"""
            {"event_type": "completion", "student_id": "{{studentId}}",
             "data": {"total_exercises": 10, "completed_exercises": 8, "difficulty": "intermediate"} }
            """);

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.False(string.IsNullOrEmpty(body.Path("data.event_id").GetString()));
        Assert.Equal(studentId, body.Path("data.student_id").GetString());
    }

    [Fact]
    public async Task Readme_batch_example_is_accepted_with_a_batch_id()
    {
        var cohortId = TestTokens.NewId("cohort");
        var (first, second) = (TestTokens.NewId("student"), TestTokens.NewId("student"));
        var admin = factory.ClientFor(TestTokens.Admin());
        await admin.AddToCohortAsync(cohortId, first);
        await admin.AddToCohortAsync(cohortId, second);
        var teacher = factory.ClientFor(TestTokens.Teacher(TestTokens.NewId("teacher"), cohortId));

        var (status, body) = await teacher.PostAsync("/batch/mastery", $$"""
            {"requests": [
               {"student_id": "{{first}}", "components": {"completion": 0.85, "quiz": 0.90, "quality": 0.85, "consistency": 0.82} },
               {"student_id": "{{second}}", "components": {"completion": 0.70, "quiz": 0.75, "quality": 0.80, "consistency": 0.65} }],
             "priority": "high"}
            """);

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.StartsWith("batch_", body.Path("data.batch_id").GetString());
        Assert.Equal(2, body.Path("data.total").GetInt32());
    }

    [Fact]
    public async Task Checklist_batch_with_student_ids_and_normal_priority_is_accepted()
    {
        var (status, body) = await factory.ClientFor(TestTokens.Admin()).PostAsync("/api/v1/batch/mastery",
            """{"student_ids": ["student1", "student2"], "priority": "normal"}""");

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.False(string.IsNullOrEmpty(body.Path("data.batch_id").GetString()));
    }

    [Fact]
    public async Task Checklist_process_call_with_a_token_routes_mastery_calculation()
    {
        var (status, body) = await factory.ClientFor(TestTokens.Admin()).PostAsync("/api/v1/process",
            """{"intent": "mastery_calculation", "payload": {"student_id": "test"}}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal("test", body.Path("data.student_id").GetString());
    }

    [Fact]
    public async Task Checklist_injection_attempt_is_rejected_and_not_echoed()
    {
        using var response = await factory.ClientFor(TestTokens.Admin()).PostJsonAsync("/api/v1/mastery/query",
            """{"student_id": "test; DROP TABLE users;--"}""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.DoesNotContain("DROP", problem.GetRawText());
        Assert.True(problem.GetProperty("errors").TryGetProperty("student_id", out _));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("$(rm -rf /)")]
    [InlineData("student\n")]
    [InlineData("")]
    public async Task Hostile_or_empty_student_ids_are_rejected_and_not_echoed(string studentId)
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, string> { ["student_id"] = studentId });

        using var response = await factory.ClientFor(TestTokens.Admin()).PostJsonAsync("/api/v1/mastery/query", json);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.DoesNotContain("script", problem.GetRawText());
        Assert.DoesNotContain("rm -rf", problem.GetRawText());
    }

    [Fact]
    public async Task Checklist_compliance_export_and_deletion_answer_in_the_envelope()
    {
        var admin = factory.ClientFor(TestTokens.Admin());
        var studentId = TestTokens.NewId("student");
        await admin.CalculateAsync(studentId, 0.5, 0.5, 0.5, 0.5);

        var (exportStatus, export) = await admin.GetJsonAsync($"/api/v1/compliance/export/{studentId}");
        var (eraseStatus, erasure) = await admin.SendAsync(HttpMethod.Delete, $"/api/v1/compliance/student/{studentId}");

        Assert.Equal(HttpStatusCode.OK, exportStatus);
        Assert.True(export.GetProperty("success").GetBoolean());
        Assert.Equal(studentId, export.Path("data.student_id").GetString());
        Assert.Equal(HttpStatusCode.OK, eraseStatus);
        Assert.True(erasure.GetProperty("success").GetBoolean());
        Assert.NotEqual(0, erasure.Path("data.erased_data_kinds").GetArrayLength());
    }
}
