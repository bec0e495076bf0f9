using Confluent.Kafka;
using MasteryEngine.Runtime.Streams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Silo.Kafka;

/// <summary>
/// The process's one Kafka producer (acks=all, idempotent), shared by the stream provider, the result and the
/// dead-letter publishers. A send completes only when the brokers acknowledged it. While librdkafka reports every
/// broker down, or after a send was not acknowledged in time, sends fail at once with
/// <see cref="StreamUnavailableException"/> instead of each waiting for the delivery timeout; one send per
/// <see cref="ProbeInterval"/> still goes out as a probe, so recovery is noticed without a restart.
/// </summary>
public sealed class KafkaProducerConnection : IDisposable
{
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);

    private readonly IProducer<byte[]?, byte[]?> producer;
    private readonly Lazy<IAdminClient> adminClient;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<KafkaProducerConnection> logger;
    private readonly TimeSpan retryAfter;
    private volatile bool brokersDown;
    private volatile Error? fatalError;
    private long lastProbeTimestamp;

    public KafkaProducerConnection(IOptions<KafkaOptions> options, TimeProvider timeProvider, ILogger<KafkaProducerConnection> logger)
    {
        LibrdkafkaLoader.EnsureLoaded();
        this.timeProvider = timeProvider;
        this.logger = logger;
        var settings = options.Value;
        retryAfter = TimeSpan.FromMilliseconds(Math.Max(1000, settings.DeliveryTimeoutMs));

        var config = new ProducerConfig(new Dictionary<string, string>(settings.Client))
        {
            BootstrapServers = settings.Broker,
            ClientId = "mastery-engine",
            Acks = Acks.All,
            EnableIdempotence = true,
            MessageTimeoutMs = settings.DeliveryTimeoutMs,
        };
        config.LingerMs ??= 5;

        producer = new ProducerBuilder<byte[]?, byte[]?>(config)
            .SetErrorHandler((_, error) => OnError(error))
            .SetLogHandler((_, message) => KafkaLog.Write(logger, message))
            .Build();
        adminClient = new Lazy<IAdminClient>(() => new DependentAdminClientBuilder(producer.Handle).Build());
    }

    /// <summary>Set when librdkafka reported an unrecoverable producer error: the process must be restarted.</summary>
    public Error? FatalError => fatalError;

    public async Task<DeliveryResult<byte[]?, byte[]?>> ProduceAsync(
        string topic, Message<byte[]?, byte[]?> message, CancellationToken cancellationToken)
    {
        ThrowIfUnavailable(topic);
        try
        {
            var delivery = await producer.ProduceAsync(topic, message, cancellationToken);
            brokersDown = false;
            return delivery;
        }
        catch (ProduceException<byte[]?, byte[]?> e) when (IsUnavailability(e.Error))
        {
            MarkDown();
            throw new StreamUnavailableException(
                $"Kafka did not acknowledge the message for topic '{topic}': {e.Error.Reason}", retryAfter, e);
        }
    }

    /// <summary>Cluster metadata for every topic (blocking up to <paramref name="timeout"/>; call off the request path).</summary>
    public Metadata GetMetadata(TimeSpan timeout) => adminClient.Value.GetMetadata(timeout);

    public void Dispose()
    {
        if (adminClient.IsValueCreated)
        {
            adminClient.Value.Dispose();
        }

        // Every send is awaited by someone; a short flush lets the ones still on their way be acknowledged.
        producer.Flush(TimeSpan.FromSeconds(2));
        producer.Dispose();
    }

    private void ThrowIfUnavailable(string topic)
    {
        if (fatalError is { } fatal)
        {
            throw new StreamUnavailableException(
                $"The Kafka producer failed permanently ({fatal.Reason}); the process must be restarted.", retryAfter);
        }

        if (!brokersDown)
        {
            return;
        }

        var now = timeProvider.GetTimestamp();
        var last = Interlocked.Read(ref lastProbeTimestamp);
        if (timeProvider.GetElapsedTime(last, now) < ProbeInterval
            || Interlocked.CompareExchange(ref lastProbeTimestamp, now, last) != last)
        {
            throw new StreamUnavailableException(
                $"Kafka is unavailable: no broker of '{topic}' can be reached.", retryAfter);
        }
    }

    private void OnError(Error error)
    {
        if (error.IsFatal)
        {
            fatalError = error;
            logger.LogCritical("Kafka producer failed permanently: {Reason} ({Code})", error.Reason, error.Code);
            return;
        }

        if (error.Code == ErrorCode.Local_AllBrokersDown)
        {
            MarkDown();
        }

        logger.LogWarning("Kafka producer: {Reason} ({Code})", error.Reason, error.Code);
    }

    /// <summary>Starts a probe interval now, so the sends right after a failure fail at once.</summary>
    private void MarkDown()
    {
        Interlocked.Exchange(ref lastProbeTimestamp, timeProvider.GetTimestamp());
        brokersDown = true;
    }

    private static bool IsUnavailability(Error error) => error.Code is
        ErrorCode.Local_MsgTimedOut or ErrorCode.Local_TimedOut or ErrorCode.Local_AllBrokersDown
        or ErrorCode.Local_Transport or ErrorCode.Local_QueueFull or ErrorCode.RequestTimedOut
        or ErrorCode.NotEnoughReplicas or ErrorCode.NotEnoughReplicasAfterAppend or ErrorCode.LeaderNotAvailable
        or ErrorCode.NotLeaderForPartition or ErrorCode.NetworkException;
}
