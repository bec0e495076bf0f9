using MasteryEngine.Gateway.Apis;
using MasteryEngine.Gateway.Infrastructure;
using MasteryEngine.Grains;
using MasteryEngine.Silo.Hosting;
using MasteryEngine.Silo.Kafka;
using MasteryEngine.Silo.Redis;

namespace MasteryEngine.Gateway.Extensions;

public static class EmbeddedSiloExtensions
{
    /// <summary>
    /// Hosts the silo in this process with the mastery grains, the storage chosen by <c>STORAGE_PROVIDER</c>
    /// (memory, redis), the stream chosen by <c>STREAM_PROVIDER</c> (inprocess, kafka), and learning events
    /// delivered from their stream to each student's grain. The silo answers to <c>/ready</c> through a grain
    /// round trip.
    /// </summary>
    public static WebApplicationBuilder AddEmbeddedSilo(this WebApplicationBuilder builder)
    {
        IConfiguration configuration = builder.Configuration;
        if (ProviderSetting(configuration, "STORAGE_PROVIDER", "StorageProvider") == "redis")
        {
            builder.Services.AddRedisGrainStorage(configuration);
        }

        builder.Services.AddMasteryGrains(configuration);
        builder.Services.AddMasterySilo(silo => silo
            .AddGrains(typeof(StudentMasteryGrain).Assembly)
            .AddStreamSubscription<LearningEvent>(
                StreamNamespaces.LearningEvents,
                (grains, stream, learningEvent, _) => grains.GetGrain<IStudentMasteryGrain>(stream.Key).ApplyEventAsync(learningEvent)));
        if (ProviderSetting(configuration, "STREAM_PROVIDER", "StreamProvider") == "kafka")
        {
            // After the silo: on shutdown the consumer stops and commits before the grains deactivate.
            builder.Services.AddKafkaStreams(configuration);
        }

        builder.Services.AddHealthChecks().AddCheck<SiloHealthCheck>(SiloHealthCheck.Name, tags: [ServiceApi.ReadyTag]);
        return builder;
    }

    private static string ProviderSetting(IConfiguration configuration, string variable, string setting) =>
        (configuration[variable] ?? configuration[$"{Options.GatewayOptions.SectionName}:{setting}"] ?? "").Trim().ToLowerInvariant();
}
