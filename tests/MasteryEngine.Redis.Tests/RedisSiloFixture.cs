using MasteryEngine.Testing;

namespace MasteryEngine.Redis.Tests;

/// <summary>A redis-server and a silo storing in it, shared by the tests of a collection (deploying takes seconds).</summary>
public sealed class RedisSiloFixture : IAsyncLifetime
{
    public RedisServerProcess Server { get; private set; } = null!;

    public RedisSilo Silo { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await RedisServerProcess.StartAsync();
        Silo = await RedisSilo.StartAsync(Server.HostAndPort);
    }

    public async Task DisposeAsync()
    {
        await Silo.DisposeAsync();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class RedisSiloCollection : ICollectionFixture<RedisSiloFixture>
{
    public const string Name = "redis silo";
}
