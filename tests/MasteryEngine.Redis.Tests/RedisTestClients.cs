using System.Diagnostics.Metrics;
using MasteryEngine.Silo.Redis;
using MasteryEngine.Silo.Storage;
using MasteryEngine.Silo.Redis.Client;
using MasteryEngine.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Redis.Tests;

/// <summary>Builds clients and storages pointed at a test server.</summary>
public static class RedisTestClients
{
    public static RedisOptions Options(RedisServerProcess server, Action<RedisOptions>? configure = null)
    {
        // Generous timeouts: this machine is shared and often saturated; tests about timeouts set their own.
        var options = new RedisOptions
        {
            Host = server.HostAndPort,
            ReconnectMinDelay = TimeSpan.FromMilliseconds(50),
            CommandTimeout = TimeSpan.FromSeconds(30),
            ConnectTimeout = TimeSpan.FromSeconds(30),
        };
        configure?.Invoke(options);
        return options;
    }

    public static RedisMultiplexer Multiplexer(RedisServerProcess server, Action<RedisOptions>? configure = null) =>
        new(Microsoft.Extensions.Options.Options.Create(Options(server, configure)), TimeProvider.System, NullLogger<RedisMultiplexer>.Instance);

    public static RedisSubscriber Subscriber(RedisServerProcess server, Action<RedisOptions>? configure = null) =>
        new(Microsoft.Extensions.Options.Options.Create(Options(server, configure)), TimeProvider.System, NullLogger<RedisSubscriber>.Instance);

    public static RedisGrainStorage Storage(RedisMultiplexer redis, RedisOptions options, string siloId = "test-silo") =>
        new("Default", redis, new JsonGrainStateSerializer([]), options, new RedisStorageMetrics(MeterFactory()), TimeProvider.System, new RedisSiloId(siloId));

    /// <summary>How long tests wait for a condition on this shared, often saturated machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static IMeterFactory MeterFactory() =>
        new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
}
