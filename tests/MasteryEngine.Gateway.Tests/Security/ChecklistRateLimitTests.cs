using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MasteryEngine.Gateway.Tests.Infrastructure;

namespace MasteryEngine.Gateway.Tests.Security;

/// <summary>The gateway with the rate limit as shipped (on, 50 a minute, nothing exempt).</summary>
public sealed class ShippedRateLimitGatewayFactory() : GatewayFactory("Development", new Dictionary<string, string?>
{
    ["RATE_LIMIT_ENABLED"] = "true",
});

/// <summary>The seeds' deployment checklist, "Rate Limiting": 60 rapid requests to /health meet the 50 a minute limit.</summary>
public sealed class ChecklistRateLimitTests(ShippedRateLimitGatewayFactory factory) : IClassFixture<ShippedRateLimitGatewayFactory>
{
    [Fact]
    public async Task Sixty_rapid_health_requests_meet_the_limit_with_429_and_retry_after()
    {
        var client = factory.CreateClient();
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 60; i++)
        {
            answers.Add(await client.GetAsync(new Uri("/health", UriKind.Relative)));
        }

        Assert.All(answers.Take(50), answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        foreach (var refused in answers.Skip(50))
        {
            await ProblemShapeTests.AssertDocumentedProblemAsync(refused, HttpStatusCode.TooManyRequests);
            Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        }

        answers.ForEach(answer => answer.Dispose());
    }
}

/// <summary>The shipped limit (50 a minute) with a clock the test moves.</summary>
public sealed class ManualClockRateLimitGatewayFactory : GatewayFactory
{
    public ManualClockRateLimitGatewayFactory() : base("Development", new Dictionary<string, string?> { ["RATE_LIMIT_ENABLED"] = "true" })
    {
    }

    public MasteryEngine.Testing.ManualTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.ConfigureTestServices(builder, services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class RetryAfterTests(ManualClockRateLimitGatewayFactory factory) : IClassFixture<ManualClockRateLimitGatewayFactory>
{
    [Fact]
    public async Task Retry_after_counts_down_to_when_the_window_reopens()
    {
        var client = factory.ClientFor(TestTokens.Admin(TestTokens.NewId("admin")));
        for (var i = 0; i < 50; i++)
        {
            using var allowed = await client.GetAsync(new Uri("/", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        factory.Clock.Advance(TimeSpan.FromSeconds(45));
        using var refused = await client.GetAsync(new Uri("/", UriKind.Relative));
        factory.Clock.Advance(TimeSpan.FromSeconds(15));
        using var reopened = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(15), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
    }
}
