using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace MasteryEngine.Silo.Redis;

/// <summary>
/// The one <see cref="IConnectionMultiplexer"/> of the process, shared by grain storage, clustering and the
/// readiness check. It is connected on first use, asynchronously (a blocking connect in a service grains resolve
/// stalls silo start, dotnet/orleans#9901), and disposed with the container, not by its users.
/// </summary>
public sealed class SharedRedisConnection(IOptions<RedisOptions> options) : IAsyncDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> connection = new(
        async () => await ConnectionMultiplexer.ConnectAsync(options.Value.ToConfigurationOptions()),
        LazyThreadSafetyMode.ExecutionAndPublication);

    public ConfigurationOptions Configuration => options.Value.ToConfigurationOptions();

    public Task<IConnectionMultiplexer> GetAsync() => connection.Value;

    public async ValueTask DisposeAsync()
    {
        if (connection.IsValueCreated)
        {
            var multiplexer = await connection.Value;
            await multiplexer.CloseAsync();
            await multiplexer.DisposeAsync();
        }
    }
}
