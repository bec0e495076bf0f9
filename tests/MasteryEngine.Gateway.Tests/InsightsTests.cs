using System.Net;
using MasteryEngine.Gateway.Tests.Infrastructure;

namespace MasteryEngine.Gateway.Tests;

public sealed class InsightsTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private HttpClient Admin => factory.ClientFor(TestTokens.Admin());

    [Fact]
    public async Task Prediction_defaults_to_seven_days()
    {
        var studentId = TestTokens.NewId("student");
        await Admin.CalculateAsync(studentId, 0.5, 0.5, 0.5, 0.5);

        var (status, body) = await Admin.PostAsync("/api/v1/predictions/next-week", $$"""{"student_id": "{{studentId}}"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(7, body.Path("data.timeframe_days").GetInt32());
    }

    [Fact]
    public async Task Prediction_without_history_says_so_with_zero_confidence()
    {
        var studentId = TestTokens.NewId("student");
        await Admin.CalculateAsync(studentId, 0.5, 0.5, 0.5, 0.5);

        var (_, body) = await Admin.PostAsync("/api/v1/predictions/next-week", $$"""{"student_id": "{{studentId}}"}""");

        Assert.True(body.Path("data.insufficient_history").GetBoolean());
        Assert.Equal(0, body.Path("data.confidence").GetDouble());
        Assert.False(string.IsNullOrEmpty(body.Path("data.message").GetString()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    public async Task Timeframe_outside_one_to_thirty_days_is_a_400_problem(int days)
    {
        using var response = await Admin.PostJsonAsync("/api/v1/predictions/next-week", $$"""{"student_id": "s1", "timeframe_days": {{days}}}""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("timeframe_days must be between 1 and 30", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("""{"student_id": "s1", "limit": 0}""", "limit")]
    [InlineData("""{"student_id": "s1", "limit": 51}""", "limit")]
    [InlineData("""{"student_id": "s1", "priority": "urgent"}""", "priority")]
    public async Task Recommendation_limit_or_priority_out_of_bounds_is_a_400_problem(string json, string field)
    {
        using var response = await Admin.PostJsonAsync("/api/v1/recommendations/adaptive", json);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Recommendations_respect_the_limit()
    {
        var studentId = TestTokens.NewId("student");
        await Admin.CalculateAsync(studentId, 0.1, 0.1, 0.1, 0.1);

        var (_, body) = await Admin.PostAsync("/api/v1/recommendations/adaptive", $$"""{"student_id": "{{studentId}}", "limit": 2}""");

        Assert.Equal(2, body.Path("data.recommendations").GetArrayLength());
    }
}
