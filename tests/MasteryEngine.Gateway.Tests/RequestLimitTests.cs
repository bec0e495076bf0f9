using System.Net;
using MasteryEngine.Gateway.Tests.Infrastructure;

namespace MasteryEngine.Gateway.Tests;

public sealed class RequestLimitTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    [Fact]
    public async Task Body_over_the_limit_is_a_413_problem()
    {
        var padding = new string('x', 70 * 1024);
        using var response = await factory.ClientFor(TestTokens.Admin()).PostJsonAsync(
            "/api/v1/mastery/query", $$"""{"student_id": "student_1", "padding": "{{padding}}"}""");

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("{\"student_id\": ")]
    [InlineData("not json at all")]
    [InlineData("{\"student_id\": 42}")]
    [InlineData("{\"student_id\": \"s1\", \"include_components\": \"yes\"}")]
    [InlineData("[1, 2, 3]")]
    public async Task Malformed_or_mistyped_json_is_a_400_problem(string json)
    {
        using var response = await factory.ClientFor(TestTokens.Admin()).PostJsonAsync("/api/v1/mastery/query", json);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Missing_body_is_a_400_problem()
    {
        using var response = await factory.ClientFor(TestTokens.Admin())
            .PostAsync("/api/v1/mastery/query", new StringContent("", System.Text.Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
