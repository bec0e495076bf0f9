using MasteryEngine.Silo.Redis;
using MasteryEngine.Silo.Redis.Client;
using MasteryEngine.Testing;

namespace MasteryEngine.Redis.Tests;

/// <summary>A server and a storage on it, shared by a test class whose tests use fresh grain ids.</summary>
public sealed class RedisStorageFixture : IAsyncLifetime
{
    public RedisServerProcess Server { get; private set; } = null!;

    public RedisMultiplexer Redis { get; private set; } = null!;

    public RedisOptions Options { get; private set; } = null!;

    public RedisGrainStorage Storage { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await RedisServerProcess.StartAsync();
        Options = RedisTestClients.Options(Server);
        Redis = RedisTestClients.Multiplexer(Server);
        Storage = RedisTestClients.Storage(Redis, Options);
    }

    public async Task DisposeAsync()
    {
        await Redis.DisposeAsync();
        await Server.DisposeAsync();
    }
}
