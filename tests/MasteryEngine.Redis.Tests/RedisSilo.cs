using MasteryEngine.Grains.Domain;
using MasteryEngine.Silo.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace MasteryEngine.Redis.Tests;

/// <summary>
/// One Orleans silo (an <see cref="InProcessTestCluster"/>) whose "Default" storage is the service's Redis storage
/// on the given <c>REDIS_HOST</c>, plus Orleans' memory storage as <see cref="MemoryStorageName"/> to compare with.
/// </summary>
public sealed class RedisSilo : IAsyncDisposable
{
    public const string MemoryStorageName = "memory";

    private readonly InProcessTestCluster cluster;

    private RedisSilo(InProcessTestCluster cluster) => this.cluster = cluster;

    public IClusterClient Client => cluster.Client;

    public IServiceProvider Services => cluster.GetSiloServiceProvider();

    public IGrainStorage Storage(string name) => Services.GetRequiredKeyedService<IGrainStorage>(name);

    public static async Task<RedisSilo> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddOptions<MasteryOptions>().Bind(configuration.GetSection(MasteryOptions.SectionName));
            silo.AddMasteryRedisStorage(configuration);
            silo.AddMemoryGrainStorage(MemoryStorageName);
            silo.UseSystemTextJsonGrainStorageSerializer();
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new RedisSilo(cluster);
    }

    public static Task<RedisSilo> StartAsync(string redisHost) =>
        StartAsync(new Dictionary<string, string?> { ["REDIS_HOST"] = redisHost });

    public async ValueTask DisposeAsync() => await cluster.DisposeAsync();
}
