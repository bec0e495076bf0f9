using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MasteryEngine.ReviewAgent.Tests.Infrastructure;

/// <summary>
/// The real Review Agent (real analysers in the real sandbox) on a TestServer, with a known JWT secret. Rate
/// limiting and the Mastery Engine feed are off unless a test's settings turn them on.
/// </summary>
public class ReviewAgentFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings = new()
    {
        ["JWT_SECRET"] = TestTokens.Secret,
        ["RATE_LIMIT_ENABLED"] = "false",
        ["MASTERY_FEED_ENABLED"] = "false",
        ["KAFKA_ENABLED"] = "false",
    };

    public ReviewAgentFactory()
    {
    }

    internal ReviewAgentFactory(IReadOnlyDictionary<string, string?> overrides)
    {
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public HttpClient ClientFor(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }
}
