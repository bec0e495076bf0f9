using System.Net;
using MasteryEngine.Gateway.Tests.Infrastructure;

namespace MasteryEngine.Gateway.Tests.Security;

/// <summary>One rule on every JSON route: a value of the wrong JSON type (a number sent as a string) is a 400 naming the field.</summary>
public sealed class WrongJsonTypeTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    [Theory]
    [InlineData("/api/v1/mastery/calculate",
        """{"student_id": "s1", "components": {"completion": "0.5", "quiz": 0.5, "quality": 0.5, "consistency": 0.5}}""",
        "components.completion")]
    [InlineData("/mastery/calculate",
        """{"student_id": "s1", "components": {"completion": 0.5, "quiz": 0.5, "quality": 0.5, "consistency": "1"}}""",
        "components.consistency")]
    [InlineData("/api/v1/predictions/next-week", """{"student_id": "s1", "timeframe_days": "7"}""", "timeframe_days")]
    [InlineData("/api/v1/recommendations/adaptive", """{"student_id": "s1", "limit": "5"}""", "limit")]
    [InlineData("/api/v1/batch/mastery",
        """{"requests": [{"student_id": "s1", "components": {"completion": 0.5, "quiz": "0.5", "quality": 0.5, "consistency": 0.5}}]}""",
        "requests[0].components.quiz")]
    [InlineData("/api/v1/mastery/query", """{"student_id": "s1", "include_components": "true"}""", "include_components")]
    [InlineData("/api/v1/process", """{"intent": "prediction", "payload": {"student_id": "s1", "timeframe_days": "7"}}""", "payload.timeframe_days")]
    [InlineData("/api/v1/process",
        """{"intent": "mastery_calculation", "payload": {"student_id": "s1", "components": {"completion": "0.5", "quiz": 0.5, "quality": 0.5, "consistency": 0.5}}}""",
        "payload.components.completion")]
    public async Task Number_or_boolean_sent_as_a_string_is_a_400_naming_the_field(string path, string json, string field)
    {
        using var response = await factory.ClientFor(TestTokens.Admin()).PostJsonAsync(path, json);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors does not name {field}: {problem.GetRawText()}");
        Assert.Contains(field, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Numbers_sent_as_numbers_are_still_accepted()
    {
        var studentId = TestTokens.NewId("student");
        var client = factory.ClientFor(TestTokens.Admin());
        using var created = await client.PostJsonAsync("/api/v1/mastery/calculate", $$"""{"student_id": "{{studentId}}"}""");
        using var response = await client.PostJsonAsync(
            "/api/v1/predictions/next-week", $$"""{"student_id": "{{studentId}}", "timeframe_days": 7}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
