using MasteryEngine.Grains;
using MasteryEngine.Silo.Kafka;
using MasteryEngine.Silo.Redis;
using MasteryEngine.Silo.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MasteryEngine.Silo.Hosting;

public static class MasteryEngineSiloExtensions
{
    /// <summary>
    /// The silo every host of the service runs: the mastery grains, grain state in memory or in Redis (behind
    /// a timeout and circuit breaker), learning events from their stream delivered to each student's grain, and
    /// with Kafka the producer and the consumer of <c>mastery.requests</c>. Each host decides the providers from
    /// its own settings; this method wires them the same way everywhere.
    /// </summary>
    public static IServiceCollection AddMasteryEngineSilo(
        this IServiceCollection services, IConfiguration configuration, bool useRedis, bool useKafka)
    {
        if (useRedis)
        {
            services.AddRedisGrainStorage(configuration).AddGrainStorageCircuitBreaker(configuration);
        }

        services.AddMasteryGrains(configuration);
        services.AddMasterySilo(silo => silo
            .AddGrains(typeof(StudentMasteryGrain).Assembly)
            .AddStreamSubscription<LearningEvent>(
                StreamNamespaces.LearningEvents,
                (grains, stream, learningEvent, _) => grains.GetGrain<IStudentMasteryGrain>(stream.Key).ApplyEventAsync(learningEvent)));
        if (useKafka)
        {
            // After the silo: on shutdown the consumer stops and commits before the grains deactivate.
            services.AddKafkaStreams(configuration);
        }

        return services;
    }
}
