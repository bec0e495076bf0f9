using System.Globalization;
using MasteryEngine.Grains;
using MasteryEngine.Silo.Hosting;
using MasteryEngine.Testing;
using MasteryEngine.Testing.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Providers;
using Orleans;
using Orleans.Storage;
using Orleans.Streams;

namespace MasteryEngine.Kafka.Tests;

/// <summary>
/// A real Orleans silo (the mastery grains) consuming from the mock cluster, as a pod runs it, on ports of its
/// own. Silos given the same <paramref name="storage"/> share their grains' state, as pods share Redis.
/// </summary>
internal static class KafkaSiloHost
{
    public static async Task<IHost> StartAsync(
        KafkaMockClusterFixture cluster, KafkaTestTopics topics, IGrainStorage? storage = null, IDictionary<string, string?>? overrides = null)
    {
        var settings = cluster.Configuration(topics);
        settings[MasterySiloSettings.SiloPortVariable] = RedisServerProcess.FreePort().ToString(CultureInfo.InvariantCulture);
        settings[MasterySiloSettings.GatewayPortVariable] = RedisServerProcess.FreePort().ToString(CultureInfo.InvariantCulture);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleans(silo =>
        {
            silo.AddMasteryEngineSilo(builder.Configuration, useRedis: false, useKafka: true);
            if (storage is not null)
            {
                silo.Services.AddKeyedSingleton(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, storage);
            }
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>The silo's <c>mastery</c> stream provider, publishing to the topics.</summary>
    public static IStreamProvider MasteryStreams(this IHost host) =>
        host.Services.GetRequiredService<IClusterClient>().GetStreamProvider(StreamProviderNames.Mastery);

    /// <summary>Storage for silos that share state; it serializes as the silos' own state serializer does.</summary>
    public static IGrainStorage NewSharedStorage() => new SharedMemoryGrainStorage(StateSerializer.Create());
}
