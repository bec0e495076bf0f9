using System.Globalization;
using MasteryEngine.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MasteryEngine.Gateway.Tests.Infrastructure;

/// <summary>
/// The real gateway (embedded silo, in-memory storage, in-process stream) on a TestServer, with a known JWT
/// secret. Rate limiting is off unless a test's settings turn it on, so tests do not throttle each other.
/// </summary>
public class GatewayFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;
    private readonly string environment;

    public GatewayFactory() : this("Development", new Dictionary<string, string?>())
    {
    }

    internal GatewayFactory(string environment, IReadOnlyDictionary<string, string?> settings)
    {
        this.environment = environment;
        this.settings = new Dictionary<string, string?>
        {
            ["JWT_SECRET"] = TestTokens.Secret,
            ["RATE_LIMIT_ENABLED"] = "false",
        };
        foreach (var (key, value) in settings)
        {
            this.settings[key] = value;
        }
    }

    /// <summary>A gateway whose silo keeps state and membership in Redis (one server or a cluster's masters), on ports of its own.</summary>
    internal static GatewayFactory OnRedis(string redisHosts, string clusterId) => new("Development", new Dictionary<string, string?>
    {
        ["STORAGE_PROVIDER"] = "redis",
        ["REDIS_HOST"] = redisHosts,
        ["ORLEANS_CLUSTER_ID"] = clusterId,
        ["ORLEANS_SILO_PORT"] = RedisServerProcess.FreePort().ToString(CultureInfo.InvariantCulture),
        ["ORLEANS_GATEWAY_PORT"] = RedisServerProcess.FreePort().ToString(CultureInfo.InvariantCulture),
    });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
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
