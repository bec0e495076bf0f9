using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Net;
using MasteryEngine.Grains;
using MasteryEngine.Silo.Kafka;
using MasteryEngine.Silo.Redis;
using MasteryEngine.Silo.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;
using Orleans.Serialization;

namespace MasteryEngine.Silo.Hosting;

public static class MasteryEngineSiloExtensions
{
    /// <summary>The memory storage Orleans' stream pub/sub keeps explicit subscriptions in.</summary>
    public const string PubSubStorageName = "PubSubStore";

    /// <summary>
    /// The silo every host of the service runs: the mastery grains with their state as plain JSON, grain calls
    /// bounded by <see cref="MasterySiloOptions.ResponseTimeout"/>, idle collection and memory-pressure shedding,
    /// and the <c>mastery</c> stream provider: Orleans memory streams embedded (learning events reach each
    /// student's grain through its implicit subscription), or Kafka topics with the consumer of
    /// <c>mastery.requests</c>. Embedded, the silo is a one-silo localhost cluster with memory storage; with Redis,
    /// one cluster of every silo on that Redis, state in Redis behind a circuit breaker (docs/redis.md).
    /// </summary>
    public static ISiloBuilder AddMasteryEngineSilo(this ISiloBuilder silo, IConfiguration configuration, bool useRedis, bool useKafka)
    {
        var settings = MasterySiloSettings.From(configuration);
        silo.Configure<SiloOptions>(options => options.SiloName = SiloName.From(configuration, settings.SiloPort));
        if (useRedis)
        {
            // One cluster of every silo on this Redis; each listens on its own ports (ORLEANS_SILO_PORT,
            // ORLEANS_GATEWAY_PORT) and advertises POD_IP in Kubernetes, else this host's address.
            silo.AddMasteryRedis(configuration);
            silo.Services.AddGrainStorageCircuitBreaker(configuration);
            if (configuration["POD_IP"] is { Length: > 0 } podIp && IPAddress.TryParse(podIp, out var advertised))
            {
                silo.ConfigureEndpoints(advertised, settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true);
            }
            else
            {
                silo.ConfigureEndpoints(settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true);
            }
        }
        else
        {
            silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, serviceId: "mastery-engine", clusterId: "local");
            silo.AddMemoryGrainStorageAsDefault();
        }

        return silo.AddMasteryEngineGrains(configuration, useKafka);
    }

    /// <summary>
    /// Everything of <see cref="AddMasteryEngineSilo"/> but the clustering and the grain storage, for hosts that
    /// bring their own (a test cluster, Redis): the grains and their options, grain-call limits and lifecycle, the
    /// state serializer, tracing, and the <c>mastery</c> stream provider.
    /// </summary>
    public static ISiloBuilder AddMasteryEngineGrains(this ISiloBuilder silo, IConfiguration configuration, bool useKafka)
    {
        var settings = MasterySiloSettings.From(configuration);
        silo.Services.AddSingleton(Options.Create(settings));
        silo.Services.AddMasteryGrains(configuration);
        silo.AddGrainExtension<IActivationLocation, ActivationLocator>();
        silo.Configure<SiloMessagingOptions>(options => options.ResponseTimeout = settings.ResponseTimeout);
        silo.Services.AddMilestoneOutbox(configuration, settings.ResponseTimeout);
        silo.Configure<GrainCollectionOptions>(options =>
        {
            options.CollectionAge = settings.CollectionAge;
            options.EnableActivationSheddingOnMemoryPressure = settings.ActivationSheddingOnMemoryPressure;
            options.MemoryUsageLimitPercentage = settings.MemoryUsageLimitPercentage;
            options.MemoryUsageTargetPercentage = settings.MemoryUsageTargetPercentage;
        });
        // Grain calls carry the caller's W3C trace context and get spans of their own (Microsoft.Orleans.* sources).
        silo.AddActivityPropagation();
        silo.UseSystemTextJsonGrainStorageSerializer();
        silo.Services.Configure<SystemTextJsonGrainStorageSerializerOptions>(options => UseStateJson(options.JsonSerializerOptions));

        silo.AddMemoryGrainStorage(PubSubStorageName);
        if (useKafka)
        {
            silo.AddKafkaStreams(configuration);
        }
        else
        {
            silo.AddMemoryStreams(StreamProviderNames.Mastery);
        }

        // Every silo runs the Orleans Dashboard's grain service and call profiler; the gateway serves it at /dashboard.
        silo.AddDashboard();
        silo.UseKubernetesHostingInCluster(configuration);
        return silo;
    }

    /// <summary>
    /// Grain state as snake_case JSON, readable in storage without Orleans' type annotations; the grains'
    /// source-generated context keeps reflection off the hot path, reflection covers any other state type.
    /// </summary>
    private static void UseStateJson(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        json.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        json.TypeInfoResolver = JsonTypeInfoResolver.Combine(MasteryStateJsonContext.Default, new DefaultJsonTypeInfoResolver());
    }
}
