using MasteryEngine.Testing;

namespace MasteryEngine.Redis.Tests;

/// <summary>A 3-master Redis Cluster alone, for tests that talk to Redis without a silo.</summary>
public sealed class RedisClusterFixture : IAsyncLifetime
{
    public RedisClusterProcess Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await RedisClusterProcess.StartAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
