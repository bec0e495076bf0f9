using MasteryEngine.Testing;

namespace MasteryEngine.Redis.Tests;

/// <summary>A 3-master Redis Cluster and a silo storing in it.</summary>
public sealed class RedisClusterSiloFixture : IAsyncLifetime
{
    public RedisClusterProcess Cluster { get; private set; } = null!;

    public RedisSilo Silo { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cluster = await RedisClusterProcess.StartAsync();
        Silo = await RedisSilo.StartAsync(Cluster.Hosts);
    }

    public async Task DisposeAsync()
    {
        await Silo.DisposeAsync();
        await Cluster.DisposeAsync();
    }
}
