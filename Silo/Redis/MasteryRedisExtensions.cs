using MasteryEngine.Grains;
using MasteryEngine.Grains.Domain;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Hosting;
using Orleans.Clustering.Redis;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Persistence;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace MasteryEngine.Silo.Redis;

public static class MasteryRedisExtensions
{
    /// <summary>The storage every grain uses ("Default" in Orleans' terms).</summary>
    public const string StorageName = "Default";

    /// <summary>Orleans' own Redis provider, which <see cref="StorageName"/> wraps.</summary>
    public const string ProviderName = "redis";

    /// <summary>The silo on Redis: membership (<see cref="AddMasteryRedisClustering(ISiloBuilder, IConfiguration)"/>) and grain state (<see cref="AddMasteryRedisStorage"/>).</summary>
    public static ISiloBuilder AddMasteryRedis(this ISiloBuilder silo, IConfiguration configuration) =>
        silo.AddMasteryRedisClustering(configuration).AddMasteryRedisStorage(configuration);

    /// <summary>
    /// Grain state in Redis through Microsoft.Orleans.Persistence.Redis: one hash <c>student:{student_12345}:state</c>
    /// per grain with the fields <c>etag</c> and <c>data</c> (plain System.Text.Json), its TTL set to
    /// <c>GDPR_RETENTION_DAYS</c> by every write, deleted by a clear (erasure leaves no key); and the GDPR audit log
    /// in Redis streams (<see cref="RedisComplianceAuditLog"/>), kept <c>AUDIT_RETENTION_DAYS</c>.
    /// </summary>
    public static ISiloBuilder AddMasteryRedisStorage(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddSharedRedisConnection(configuration);
        silo.Services.AddRedisGrainStorage(ProviderName, builder => builder
            .Configure<SharedRedisConnection, IOptions<RedisOptions>, IOptions<MasteryOptions>>((options, redis, redisOptions, mastery) =>
            {
                var prefix = redisOptions.Value.KeyPrefix;
                options.ConfigurationOptions = redis.Configuration;
                options.CreateMultiplexer = async _ => (await redis.GetAsync(), IsShared: true);
                options.GetStorageKey = (_, grainId) => RedisStorageKeys.State(prefix, grainId);
                options.EntryExpiry = TimeSpan.FromDays(mastery.Value.RetentionDays);
                options.DeleteStateOnClear = true;
            }));
        silo.Services.AddKeyedSingleton<IGrainStorageSerializer, SystemTextJsonGrainStorageSerializer>(ProviderName);
        silo.Services.AddGrainStorage(StorageName, (services, name) =>
            new RedisFailureTranslatingGrainStorage(services.GetRequiredKeyedService<IGrainStorage>(ProviderName), name));
        silo.Services.AddSingleton<IComplianceAuditLog, RedisComplianceAuditLog>();
        return silo;
    }

    /// <summary>
    /// Silo membership in one Redis hash, <c>{ServiceId}/members/{ClusterId}</c>, on the shared connection, with
    /// <see cref="FailureDetection"/> so a dead silo is noticed in seconds.
    /// </summary>
    public static ISiloBuilder AddMasteryRedisClustering(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddSharedRedisConnection(configuration);
        silo.Services.Configure<ClusterOptions>(options => OrleansClusterIdentity.Apply(configuration, options));
        silo.Services.AddOptions<ClusterMembershipOptions>()
            .Configure(FailureDetection.Apply)
            .Bind(configuration.GetSection("Orleans:Membership"));
        silo.UseRedisClustering(_ => { });
        ConfigureClustering(silo.Services);
        return silo;
    }

    /// <summary>A client in another process finds the silos' gateways in the same membership hash.</summary>
    public static IClientBuilder AddMasteryRedisClustering(this IClientBuilder client, IConfiguration configuration)
    {
        client.Services.AddSharedRedisConnection(configuration);
        client.Services.Configure<ClusterOptions>(options => OrleansClusterIdentity.Apply(configuration, options));
        client.UseRedisClustering(_ => { });
        ConfigureClustering(client.Services);
        return client;
    }

    private static void ConfigureClustering(IServiceCollection services) =>
        services.AddOptions<RedisClusteringOptions>()
            .Configure<SharedRedisConnection, IOptions<RedisOptions>>((options, redis, redisOptions) =>
            {
                var prefix = redisOptions.Value.KeyPrefix;
                options.ConfigurationOptions = redis.Configuration;
                options.CreateMultiplexer = async _ => (await redis.GetAsync(), IsShared: true);
                options.CreateRedisKey = cluster => RedisStorageKeys.Membership(prefix, cluster.ServiceId, cluster.ClusterId);
            });
}
