using Confluent.Kafka;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Silo.Kafka;

/// <summary>Readiness: a broker answers a metadata request in time and our four topics exist.</summary>
public sealed class KafkaHealthCheck(KafkaProducerConnection connection, KafkaClusterMetadata cluster, IOptions<KafkaOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (connection.FatalError is { } fatal)
        {
            return HealthCheckResult.Unhealthy($"The Kafka producer failed fatally and is not replaced yet: {fatal.Reason}");
        }

        var settings = options.Value;
        try
        {
            // The metadata call blocks; keep it off the request thread.
            var metadata = await Task.Run(() => cluster.Get(TimeSpan.FromMilliseconds(settings.HealthCheckTimeoutMs)), cancellationToken);
            var available = metadata.Topics.Where(topic => !topic.Error.IsError).Select(topic => topic.Topic).ToHashSet(StringComparer.Ordinal);
            var missing = settings.Topics.Where(topic => !available.Contains(topic)).ToList();
            return missing.Count == 0
                ? HealthCheckResult.Healthy($"{metadata.Brokers.Count} broker(s) reachable")
                : HealthCheckResult.Unhealthy($"Kafka topics missing: {string.Join(", ", missing)}");
        }
        catch (KafkaException e)
        {
            return HealthCheckResult.Unhealthy($"Kafka brokers ({settings.Broker}) unreachable: {e.Error.Reason}", e);
        }
    }
}
