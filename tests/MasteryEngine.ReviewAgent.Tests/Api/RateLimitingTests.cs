using System.Net;
using MasteryEngine.ReviewAgent.Tests.Infrastructure;

namespace MasteryEngine.ReviewAgent.Tests.Api;

/// <summary>The runbook's rate-limit test, on a route that is limited: probes never are.</summary>
public class RateLimitingTests
{
    [Fact]
    public async Task Past_the_limit_a_client_gets_429_with_retry_after_while_health_stays_open()
    {
        await using var factory = new ReviewAgentFactory(new Dictionary<string, string?>
        {
            ["RATE_LIMIT_ENABLED"] = "true",
            ["RateLimiting:PermitLimit"] = "10",
            ["RateLimiting:Window"] = "00:10:00",
        });
        using var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 15; i++)
        {
            using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        using var limited = await client.GetAsync(new Uri("/", UriKind.Relative));
        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(10, statuses.Count(status => status == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
