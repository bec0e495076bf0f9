using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Silo.Kafka;

/// <summary>Rejects a Kafka configuration at start-up with a message naming the setting to fix.</summary>
public sealed partial class KafkaOptionsValidator : IValidateOptions<KafkaOptions>
{
    public ValidateOptionsResult Validate(string? name, KafkaOptions options)
    {
        var failures = new List<string>();

        if (string.IsNullOrWhiteSpace(options.Broker))
        {
            failures.Add("KAFKA_BROKER is required with STREAM_PROVIDER=kafka (e.g. KAFKA_BROKER=kafka:9092).");
        }
        else
        {
            failures.AddRange(options.Broker.Split(',', StringSplitOptions.TrimEntries)
                .Where(broker => !IsHostAndPort(broker))
                .Select(broker => $"KAFKA_BROKER entry '{broker}' is not host:port."));
        }

        if (string.IsNullOrWhiteSpace(options.GroupId))
        {
            failures.Add("KAFKA_GROUP_ID must not be empty.");
        }

        AddGroupProtocolFailures(failures, options);

        foreach (var topic in options.Topics.Where(topic => !TopicName().IsMatch(topic ?? "")))
        {
            failures.Add($"Kafka topic name '{topic}' is invalid: use 1-249 characters of [a-zA-Z0-9._-].");
        }

        if (options.Topics.Distinct(StringComparer.Ordinal).Count() != options.Topics.Count)
        {
            failures.Add("The requests, results, events and dead-letter topics must be four different topics.");
        }

        AddIfNotPositive(failures, options.MaxInFlightPerPartition, "KAFKA_MAX_IN_FLIGHT_PER_PARTITION");
        AddIfNotPositive(failures, options.MaxEventsPerWrite, "KAFKA_MAX_EVENTS_PER_WRITE");
        AddIfNotPositive(failures, options.MaxConcurrentApplies, "KAFKA_MAX_CONCURRENT_APPLIES");
        AddIfNotPositive(failures, options.CommitIntervalMs, "KAFKA_COMMIT_INTERVAL_MS");
        AddIfNotPositive(failures, options.DeliveryTimeoutMs, "KAFKA_DELIVERY_TIMEOUT_MS");
        AddIfNotPositive(failures, options.MaxEventBytes, "KAFKA_MAX_EVENT_BYTES");
        AddIfNotPositive(failures, options.MaxProcessingAttempts, "Kafka:MaxProcessingAttempts");
        AddIfNotPositive(failures, options.RetryInitialBackoffMs, "Kafka:RetryInitialBackoffMs");
        AddIfNotPositive(failures, options.DrainTimeoutMs, "Kafka:DrainTimeoutMs");
        AddIfNotPositive(failures, options.HealthCheckTimeoutMs, "Kafka:HealthCheckTimeoutMs");
        if (options.RetryMaxBackoffMs < options.RetryInitialBackoffMs)
        {
            failures.Add("Kafka:RetryMaxBackoffMs must be at least Kafka:RetryInitialBackoffMs.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AddGroupProtocolFailures(List<string> failures, KafkaOptions options)
    {
        if (!KafkaGroupProtocol.TryParse(options.GroupProtocol, out var protocol))
        {
            failures.Add($"KAFKA_GROUP_PROTOCOL must be {KafkaGroupProtocol.Classic} or {KafkaGroupProtocol.Consumer} (was '{options.GroupProtocol}').");
            return;
        }

        if (options.Client.ContainsKey("group.protocol"))
        {
            failures.Add("Set the consumer group protocol with KAFKA_GROUP_PROTOCOL, not Kafka:Client:group.protocol.");
        }

        if (protocol == Confluent.Kafka.GroupProtocol.Consumer)
        {
            failures.AddRange(KafkaGroupProtocol.ClassicOnlyClientProperties
                .Where(property => options.Client.ContainsKey(property.Key))
                .Select(property => $"Kafka:Client:{property.Key} is not allowed with KAFKA_GROUP_PROTOCOL=consumer (KIP-848); use {property.Value}."));
        }
    }

    private static bool IsHostAndPort(string broker)
    {
        var colon = broker.LastIndexOf(':');
        return colon > 0
            && int.TryParse(broker.AsSpan(colon + 1), out var port)
            && port is > 0 and <= 65535;
    }

    private static void AddIfNotPositive(List<string> failures, int value, string setting)
    {
        if (value <= 0)
        {
            failures.Add($"{setting} must be positive (was {value}).");
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9._-]{1,249}$")]
    private static partial Regex TopicName();
}
