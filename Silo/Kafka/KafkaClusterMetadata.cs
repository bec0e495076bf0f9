using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Silo.Kafka;

/// <summary>
/// Cluster metadata for readiness, from an admin client with a librdkafka handle of its own. Not one sharing the
/// producer's handle: measured with <c>bench kafka-pipeline</c>, a dependent admin client on the producer's handle
/// cut what the producer-bound paths sustain by about 30 % (direct grain calls 50k → 37k events/s).
/// </summary>
public sealed class KafkaClusterMetadata(IOptions<KafkaOptions> options, ILogger<KafkaClusterMetadata> logger) : IDisposable
{
    private readonly Lazy<IAdminClient> adminClient = new(() => Build(options.Value, logger));

    /// <summary>Metadata of every topic (blocking up to <paramref name="timeout"/>; call off the request path).</summary>
    public Metadata Get(TimeSpan timeout) => adminClient.Value.GetMetadata(timeout);

    public void Dispose()
    {
        if (adminClient.IsValueCreated)
        {
            adminClient.Value.Dispose();
        }
    }

    private static IAdminClient Build(KafkaOptions options, ILogger logger)
    {
        var config = new AdminClientConfig(new Dictionary<string, string>(options.Client))
        {
            BootstrapServers = options.Broker,
            ClientId = "mastery-engine-admin",
        };
        return new AdminClientBuilder(config)
            .SetLogHandler((_, message) => KafkaLog.Write(logger, message))
            .Build();
    }
}
