using Confluent.Kafka;
using MasteryEngine.ReviewAgent.Options;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace MasteryEngine.ReviewAgent.Kafka;

/// <summary>Ready when the broker answers a metadata request and the four topics exist (the service does not create them).</summary>
internal sealed class KafkaHealthCheck(KafkaProducerConnection connection, IOptions<KafkaOptions> options) : IHealthCheck
{
    public const string Name = "kafka";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.Run(() =>
        {
            var kafka = options.Value;
            try
            {
                using var admin = new DependentAdminClientBuilder(connection.Producer.Handle).Build();
                var metadata = admin.GetMetadata(Timeout);
                var present = metadata.Topics.Where(topic => topic.Error.Code == ErrorCode.NoError).Select(topic => topic.Topic).ToHashSet(StringComparer.Ordinal);
                var missing = new[] { kafka.RequestsTopic, kafka.ResultsTopic, kafka.DeadLetterTopic, kafka.MasteryTopic }.Where(topic => !present.Contains(topic)).ToList();
                return missing.Count == 0
                    ? HealthCheckResult.Healthy($"Broker {kafka.Broker} answers; topics present.")
                    : HealthCheckResult.Unhealthy("Missing Kafka topics: " + string.Join(", ", missing));
            }
            catch (KafkaException exception)
            {
                return HealthCheckResult.Unhealthy($"Kafka at {kafka.Broker} did not answer: {exception.Error.Reason}");
            }
        }, cancellationToken);
}
