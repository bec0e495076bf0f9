using System.Net;
using MasteryEngine.Gateway.Tests.Infrastructure;

namespace MasteryEngine.Gateway.Tests;

public sealed class MasteryApiTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private HttpClient Admin => factory.ClientFor(TestTokens.Admin());

    [Fact]
    public async Task Query_without_components_leaves_components_and_breakdown_out()
    {
        var studentId = TestTokens.NewId("student");
        await Admin.CalculateAsync(studentId, 0.5, 0.5, 0.5, 0.5);

        var (status, body) = await Admin.PostAsync("/api/v1/mastery/query", $$"""{"student_id": "{{studentId}}", "include_components": false}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var current = body.Path("data.current_mastery");
        Assert.False(current.TryGetProperty("components", out _));
        Assert.False(current.TryGetProperty("breakdown", out _));
        Assert.Equal(0.5, current.GetProperty("mastery_score").GetDouble(), 6);
    }

    [Fact]
    public async Task Calculate_without_components_recalculates_from_state()
    {
        var studentId = TestTokens.NewId("student");
        await Admin.CalculateAsync(studentId, 1, 1, 1, 1);

        var (status, body) = await Admin.PostAsync("/api/v1/mastery/calculate", $$"""{"student_id": "{{studentId}}"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(studentId, body.Path("data.student_id").GetString());
        Assert.Equal(1.0, body.Path("data.components.quiz").GetDouble(), 6);
    }

    [Theory]
    [InlineData("""{"completion": 0.5, "quiz": 0.5, "quality": 0.5}""", "components.consistency")]
    [InlineData("""{"completion": 1.5, "quiz": 0.5, "quality": 0.5, "consistency": 0.5}""", "components.completion")]
    [InlineData("""{"completion": 0.5, "quiz": -0.1, "quality": 0.5, "consistency": 0.5}""", "components.quiz")]
    public async Task Calculate_with_a_missing_or_out_of_range_score_names_the_field(string components, string field)
    {
        using var response = await Admin.PostJsonAsync("/api/v1/mastery/calculate", $$"""{"student_id": "s1", "components": {{components}}}""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Fact]
    public async Task Calculate_with_a_non_numeric_score_is_a_400_problem()
    {
        using var response = await Admin.PostJsonAsync("/api/v1/mastery/calculate",
            """{"student_id": "s1", "components": {"completion": "NaN", "quiz": 0.5, "quality": 0.5, "consistency": 0.5}}""");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Missing_student_id_is_a_400_problem()
    {
        using var response = await Admin.PostJsonAsync("/api/v1/mastery/query", "{}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("student_id is required", problem.GetProperty("detail").GetString());
    }
}
