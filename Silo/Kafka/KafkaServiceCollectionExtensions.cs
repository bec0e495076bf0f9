using MasteryEngine.Grains;
using MasteryEngine.Silo.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Hosting;

namespace MasteryEngine.Silo.Kafka;

public static class KafkaServiceCollectionExtensions
{
    /// <summary>Environment variables (the seeds' names) and the option each one sets; they override the <c>Kafka</c> section.</summary>
    private static readonly (string Variable, Action<KafkaOptions, string> Apply)[] EnvironmentVariables =
    [
        ("KAFKA_BROKER", (o, v) => o.Broker = v),
        ("KAFKA_GROUP_ID", (o, v) => o.GroupId = v),
        ("KAFKA_GROUP_INSTANCE_ID", (o, v) => o.GroupInstanceId = v),
        ("KAFKA_GROUP_PROTOCOL", (o, v) => o.GroupProtocol = v),
        ("KAFKA_REQUESTS_TOPIC", (o, v) => o.RequestsTopic = v),
        ("KAFKA_RESULTS_TOPIC", (o, v) => o.ResultsTopic = v),
        ("KAFKA_EVENTS_TOPIC", (o, v) => o.EventsTopic = v),
        ("KAFKA_DLQ_TOPIC", (o, v) => o.DeadLetterTopic = v),
        ("KAFKA_CONSUMER_ENABLED", (o, v) => o.ConsumerEnabled = ParseBool("KAFKA_CONSUMER_ENABLED", v)),
        ("KAFKA_MAX_IN_FLIGHT_PER_PARTITION", (o, v) => o.MaxInFlightPerPartition = ParseInt("KAFKA_MAX_IN_FLIGHT_PER_PARTITION", v)),
        ("KAFKA_MAX_EVENTS_PER_WRITE", (o, v) => o.MaxEventsPerWrite = ParseInt("KAFKA_MAX_EVENTS_PER_WRITE", v)),
        ("KAFKA_MAX_CONCURRENT_APPLIES", (o, v) => o.MaxConcurrentApplies = ParseInt("KAFKA_MAX_CONCURRENT_APPLIES", v)),
        ("KAFKA_COMMIT_INTERVAL_MS", (o, v) => o.CommitIntervalMs = ParseInt("KAFKA_COMMIT_INTERVAL_MS", v)),
        ("KAFKA_DELIVERY_TIMEOUT_MS", (o, v) => o.DeliveryTimeoutMs = ParseInt("KAFKA_DELIVERY_TIMEOUT_MS", v)),
        ("KAFKA_MAX_EVENT_BYTES", (o, v) => o.MaxEventBytes = ParseInt("KAFKA_MAX_EVENT_BYTES", v)),
    ];

    /// <summary>
    /// Kafka streams: the <c>mastery</c> Orleans stream provider publishing to the topics, behind the <c>kafka</c>
    /// circuit breaker (<c>Resilience:Kafka</c>), the consumer of the requests topic, the dead-letter publisher,
    /// metrics and the <c>kafka</c> and <c>circuit-breakers</c> readiness checks. The consumer is a hosted service,
    /// and Orleans stops the silo after the hosted services, so on shutdown it stops (and commits) before the grains
    /// deactivate.
    /// </summary>
    public static ISiloBuilder AddKafkaStreams(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.AddPersistentStreams(StreamProviderNames.Mastery, KafkaQueueAdapterFactory.Create, _ => { });
        silo.Services.AddKafkaServices(configuration);
        return silo;
    }

    /// <summary>
    /// The Kafka side without the stream provider: producer, consumer, dead letters, metrics and checks. The
    /// consumer calls whatever <see cref="IGrainFactory"/> the host has (a silo's, or a test's).
    /// </summary>
    public static IServiceCollection AddKafkaServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KafkaOptions>()
            .Bind(configuration.GetSection(KafkaOptions.SectionName))
            .Configure(options => ApplyEnvironment(configuration, options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KafkaOptions>, KafkaOptionsValidator>());
        services.AddOptions<KafkaCircuitBreakerOptions>()
            .Bind(configuration.GetSection(KafkaCircuitBreakerOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KafkaCircuitBreakerOptions>, KafkaCircuitBreakerOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddCircuitBreakerStates();

        services.TryAddSingleton<KafkaProducerConnection>();
        services.TryAddSingleton<KafkaClusterMetadata>();
        services.TryAddSingleton<KafkaConsumerMetrics>();
        services.TryAddSingleton<DeadLetterPublisher>();
        services.AddHostedService<KafkaEventConsumer>();
        services.AddHealthChecks().AddCheck<KafkaHealthCheck>("kafka", tags: ["ready"]);
        return services;
    }

    private static void ApplyEnvironment(IConfiguration configuration, KafkaOptions options)
    {
        foreach (var (variable, apply) in EnvironmentVariables)
        {
            if (configuration[variable] is { Length: > 0 } value)
            {
                apply(options, value);
            }
        }
    }

    private static int ParseInt(string variable, string value) =>
        int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new OptionsValidationException(nameof(KafkaOptions), typeof(KafkaOptions), [$"{variable}='{value}' is not a whole number."]);

    private static bool ParseBool(string variable, string value) =>
        bool.TryParse(value, out var parsed)
            ? parsed
            : throw new OptionsValidationException(nameof(KafkaOptions), typeof(KafkaOptions), [$"{variable}='{value}' is not true or false."]);
}
