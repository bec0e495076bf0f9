using System.Net;
using MasteryEngine.Gateway.Tests.Infrastructure;

namespace MasteryEngine.Gateway.Tests;

public sealed class RateLimitedGatewayFactory() : GatewayFactory("Development", new Dictionary<string, string?>
{
    ["RATE_LIMIT_ENABLED"] = "true",
    ["RateLimiting:PermitLimit"] = "3",
    ["RateLimiting:Window"] = "00:10:00",
    ["RATE_LIMIT_EXEMPT_PATHS"] = "/health, /ready",
});

public sealed class RateLimitingTests(RateLimitedGatewayFactory factory) : IClassFixture<RateLimitedGatewayFactory>
{
    [Fact]
    public async Task Client_over_its_limit_gets_a_429_problem_with_retry_after()
    {
        var client = factory.ClientFor(TestTokens.Admin(TestTokens.NewId("admin")));
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var response = await client.GetAsync("/");

        await response.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task Each_user_has_their_own_budget()
    {
        var first = factory.ClientFor(TestTokens.Admin(TestTokens.NewId("admin")));
        for (var i = 0; i < 4; i++)
        {
            using var _ = await first.GetAsync("/");
        }

        using var response = await factory.ClientFor(TestTokens.Admin(TestTokens.NewId("admin"))).GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/ready")]
    public async Task Exempted_paths_are_never_limited(string path)
    {
        var client = factory.CreateClient();

        for (var i = 0; i < 20; i++)
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}

public sealed class RateLimitSwitchTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    [Fact]
    public async Task Limit_switched_off_never_answers_429()
    {
        var client = factory.ClientFor(TestTokens.Admin(TestTokens.NewId("admin")));

        for (var i = 0; i < 60; i++)
        {
            using var response = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
