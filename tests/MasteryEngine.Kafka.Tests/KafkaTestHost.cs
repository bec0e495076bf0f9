using MasteryEngine.Silo.Kafka;
using MasteryEngine.Testing.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;

namespace MasteryEngine.Kafka.Tests;

/// <summary>A host with the Kafka services against the mock cluster and the given grain factory, without a silo.</summary>
internal static class KafkaTestHost
{
    public static async Task<IHost> StartAsync(
        KafkaMockClusterFixture cluster,
        KafkaTestTopics topics,
        IGrainFactory grainFactory,
        IDictionary<string, string?>? overrides = null,
        string groupProtocol = KafkaGroupProtocol.Classic)
    {
        var settings = cluster.Configuration(topics, groupProtocol);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(grainFactory);
        builder.Services.AddKafkaServices(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public static KafkaEventConsumer Consumer(this IHost host) =>
        host.Services.GetServices<IHostedService>().OfType<KafkaEventConsumer>().Single();
}
