using Microsoft.Extensions.Options;

namespace MasteryEngine.Silo.Kafka;

/// <summary>The one rule data annotations cannot express: the send timeout must outlast librdkafka's delivery timeout.</summary>
public sealed class KafkaCircuitBreakerOptionsValidator(IOptions<KafkaOptions> kafkaOptions) : IValidateOptions<KafkaCircuitBreakerOptions>
{
    public ValidateOptionsResult Validate(string? name, KafkaCircuitBreakerOptions options)
    {
        var deliveryTimeout = TimeSpan.FromMilliseconds(kafkaOptions.Value.DeliveryTimeoutMs);
        return options.Timeout > deliveryTimeout
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{KafkaCircuitBreakerOptions.SectionName}:Timeout ({options.Timeout}) must be longer than KAFKA_DELIVERY_TIMEOUT_MS " +
                $"({kafkaOptions.Value.DeliveryTimeoutMs} ms): otherwise a send reported as failed may still be delivered.");
    }
}
