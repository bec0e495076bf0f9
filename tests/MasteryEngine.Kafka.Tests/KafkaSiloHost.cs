using MasteryEngine.Grains;
using MasteryEngine.Runtime.Storage;
using MasteryEngine.Silo.Hosting;
using MasteryEngine.Silo.Kafka;
using MasteryEngine.Silo.Storage;
using MasteryEngine.Testing.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MasteryEngine.Kafka.Tests;

/// <summary>
/// A real silo (grain runtime and the mastery grains) consuming from the mock cluster, as a pod runs it. Unlike
/// <c>TestSilo</c> it keeps the system clock: the consumer's commit cadence and retry backoff run on the TimeProvider.
/// Silos given the same <paramref name="storage"/> share their grains' state, as pods share Redis.
/// </summary>
internal static class KafkaSiloHost
{
    public static async Task<IHost> StartAsync(
        KafkaMockClusterFixture cluster, KafkaTestTopics topics, IGrainStorage? storage = null, IDictionary<string, string?>? overrides = null)
    {
        var settings = cluster.Configuration(topics);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddMasteryGrains(builder.Configuration);
        builder.Services.AddMasterySilo(silo =>
        {
            silo.AddGrains(typeof(StudentMasteryGrain).Assembly);
            if (storage is not null)
            {
                silo.Services.AddKeyedSingleton(GrainStorageNames.Default, storage);
            }
        });
        builder.Services.AddKafkaStreams(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public static IGrainStorage NewSharedStorage() =>
        new MemoryGrainStorage(new JsonGrainStateSerializer([MasteryStateJsonContext.Default]));
}
