using System.Net;
using System.Text.Json;
using MasteryEngine.Gateway.Tests.Infrastructure;
using MasteryEngine.Testing;

namespace MasteryEngine.Gateway.Tests;

public sealed class BatchTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private HttpClient Admin => factory.ClientFor(TestTokens.Admin());

    [Fact]
    public async Task Batch_runs_to_completion_with_a_result_per_student()
    {
        var (first, second) = (TestTokens.NewId("student"), TestTokens.NewId("student"));
        var (_, accepted) = await Admin.PostAsync("/api/v1/batch/mastery", $$"""
            {"requests": [
               {"student_id": "{{first}}", "components": {"completion": 0.85, "quiz": 0.90, "quality": 0.85, "consistency": 0.82} },
               {"student_id": "{{second}}", "components": {"completion": 0.70, "quiz": 0.75, "quality": 0.80, "consistency": 0.65} }]}
            """);
        var batchId = accepted.Path("data.batch_id").GetString();

        var status = await Eventually.UntilAsync(
            async () => (await Admin.GetJsonAsync($"/api/v1/batch/status/{batchId}")).Body.GetProperty("data"),
            data => data.GetProperty("state").GetString() == "completed",
            "the batch to complete");

        Assert.Equal(2, status.GetProperty("total").GetInt32());
        Assert.Equal(2, status.GetProperty("completed").GetInt32());
        Assert.Equal(0, status.GetProperty("failed").GetInt32());
        var results = status.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("student_id").GetString()!);
        Assert.Equal(0.862, results[first].GetProperty("mastery_score").GetDouble(), 6);
        Assert.Equal(0.730, results[second].GetProperty("mastery_score").GetDouble(), 6);
        Assert.Equal(0.862, (await Admin.QueryAsync(first)).Path("current_mastery.mastery_score").GetDouble(), 6);
    }

    [Fact]
    public async Task Batch_of_student_ids_recalculates_each_from_state()
    {
        var studentId = TestTokens.NewId("student");
        await Admin.CalculateAsync(studentId, 1, 1, 1, 1);
        var (_, accepted) = await Admin.PostAsync("/api/v1/batch/mastery", $$"""{"student_ids": ["{{studentId}}"]}""");

        var status = await Eventually.UntilAsync(
            async () => (await Admin.GetJsonAsync($"/api/v1/batch/status/{accepted.Path("data.batch_id").GetString()}")).Body.GetProperty("data"),
            data => data.GetProperty("state").GetString() == "completed",
            "the batch to complete");

        Assert.Equal(1.0, Assert.Single(status.GetProperty("results").EnumerateArray()).GetProperty("mastery_score").GetDouble(), 6);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"requests": [], "student_ids": []}""")]
    [InlineData("""{"requests": [{"student_id": "a", "components": null}], "student_ids": ["b"]}""")]
    [InlineData("""{"student_ids": ["ok", "not ok"]}""")]
    [InlineData("""{"student_ids": ["ok"], "priority": "urgent"}""")]
    public async Task Malformed_batch_is_a_400_problem(string json)
    {
        using var response = await Admin.PostJsonAsync("/api/v1/batch/mastery", json);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Batch_over_the_size_cap_is_a_400_problem()
    {
        var ids = JsonSerializer.Serialize(Enumerable.Range(0, 1001).Select(i => $"s{i}"));

        using var response = await Admin.PostJsonAsync("/api/v1/batch/mastery", $$"""{"student_ids": {{ids}}}""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("at most 1000", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unknown_batch_is_a_404_problem()
    {
        using var response = await Admin.GetAsync($"/api/v1/batch/status/{TestTokens.NewId("batch")}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Students_may_not_run_batches()
    {
        var studentId = TestTokens.NewId("student");

        using var response = await factory.ClientFor(TestTokens.Student(studentId))
            .PostJsonAsync("/api/v1/batch/mastery", $$"""{"student_ids": ["{{studentId}}"]}""");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Teacher_batch_of_their_students_is_accepted_and_with_an_outsider_refused()
    {
        var (cohortId, member, outsider) = (TestTokens.NewId("cohort"), TestTokens.NewId("student"), TestTokens.NewId("student"));
        await Admin.AddToCohortAsync(cohortId, member);
        var teacher = factory.ClientFor(TestTokens.Teacher(TestTokens.NewId("teacher"), cohortId));

        var (own, _) = await teacher.PostAsync("/api/v1/batch/mastery", $$"""{"student_ids": ["{{member}}"]}""");
        using var mixed = await teacher.PostJsonAsync("/api/v1/batch/mastery", $$"""{"student_ids": ["{{member}}", "{{outsider}}"]}""");

        Assert.Equal(HttpStatusCode.Accepted, own);
        await mixed.AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
