using System.Net;
using System.Text;
using MasteryEngine.Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Gateway.Tests;

public sealed class OneRequestAtATimeGatewayFactory() : GatewayFactory("Development", new Dictionary<string, string?>
{
    ["MAX_CONCURRENT_REQUESTS"] = "1",
    ["RateLimiting:MaxQueuedRequests"] = "0",
});

public sealed class ConcurrentRequestLimitTests(OneRequestAtATimeGatewayFactory factory) : IClassFixture<OneRequestAtATimeGatewayFactory>
{
    /// <remarks>
    /// The gateway's own limiter, asked directly: a request held open through TestServer cannot be made to stay
    /// inside the limiter, because the body checks before it read the whole body first.
    /// </remarks>
    [Fact]
    public async Task Beyond_the_bound_and_the_queue_a_request_is_refused_with_a_503_and_retry_after_while_probes_pass()
    {
        var limiting = factory.Services.GetRequiredService<IOptions<RateLimiterOptions>>().Value;
        var limiter = limiting.GlobalLimiter!;

        using (var first = limiter.AttemptAcquire(Request("/api/v1/mastery/calculate")))
        {
            Assert.True(first.IsAcquired);
            using var second = limiter.AttemptAcquire(Request("/api/v1/mastery/query"));
            Assert.False(second.IsAcquired);
            foreach (var probe in new[] { "/health", "/ready", "/metrics" })
            {
                using var lease = limiter.AttemptAcquire(Request(probe));
                Assert.True(lease.IsAcquired, probe);
            }

            var refused = Request("/api/v1/mastery/query");
            refused.Response.Body = new MemoryStream();
            await limiting.OnRejected!(new OnRejectedContext { HttpContext = refused, Lease = second }, CancellationToken.None);
            Assert.Equal(StatusCodes.Status503ServiceUnavailable, refused.Response.StatusCode);
            Assert.Equal("1", refused.Response.Headers.RetryAfter.ToString());
        }

        using var afterwards = limiter.AttemptAcquire(Request("/api/v1/mastery/query"));
        Assert.True(afterwards.IsAcquired);
    }

    internal static string Calculation(string studentId) =>
        $$$"""{"student_id": "{{{studentId}}}", "components": {"completion": 0.8, "quiz": 0.7, "quality": 0.9, "consistency": 0.6}}""";

    private DefaultHttpContext Request(string path) => new()
    {
        RequestServices = factory.Services,
        Request = { Path = path },
    };
}

public sealed class QueuedRequestsGatewayFactory() : GatewayFactory("Development", new Dictionary<string, string?>
{
    ["MAX_CONCURRENT_REQUESTS"] = "2",
});

public sealed class QueuedRequestLimitTests(QueuedRequestsGatewayFactory factory) : IClassFixture<QueuedRequestsGatewayFactory>
{
    [Fact]
    public async Task Requests_beyond_the_bound_wait_their_turn_and_are_all_answered()
    {
        var client = factory.ClientFor(TestTokens.Admin(TestTokens.NewId("admin")));

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            client.PostAsync("/api/v1/mastery/calculate", new StringContent(ConcurrentRequestLimitTests.Calculation($"queued-{i}"), Encoding.UTF8, "application/json"))));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
