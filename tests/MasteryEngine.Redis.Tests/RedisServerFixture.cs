using MasteryEngine.Testing;

namespace MasteryEngine.Redis.Tests;

/// <summary>One throw-away redis-server shared by the tests of a class (each test uses its own keys).</summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    public RedisServerProcess Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await RedisServerProcess.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
