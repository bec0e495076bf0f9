using Confluent.Kafka;
using ErrorCode = Confluent.Kafka.ErrorCode;

using MasteryEngine.Silo.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace MasteryEngine.Silo.Kafka;

/// <summary>
/// The process's one Kafka producer (acks=all, idempotent), shared by the stream provider, the result and the
/// dead-letter publishers. A send completes only when the brokers acknowledged it. Sends run behind a timeout and
/// the circuit breaker <see cref="CircuitBreakerName"/> (<see cref="KafkaCircuitBreakerOptions"/>): while the
/// brokers keep failing to acknowledge, sends fail at once with <see cref="StreamUnavailableException"/> instead of
/// each waiting for the delivery timeout, and after the break one send goes out as a probe, so recovery is noticed
/// without a restart. A producer that librdkafka reports as fatally failed is replaced by a new one.
/// </summary>
public sealed class KafkaProducerConnection : IDisposable
{
    public const string CircuitBreakerName = "kafka";

    private static readonly TimeSpan MinimumRetryAfter = TimeSpan.FromSeconds(1);

    private readonly ProducerConfig config;
    private readonly ResiliencePipeline pipeline;
    private readonly ILogger<KafkaProducerConnection> logger;
    private readonly TimeSpan retryAfter;
    private readonly TimeSpan timeout;
    private readonly Lock gate = new();
    private volatile KafkaProducerClient client;
    private bool disposed;

    public KafkaProducerConnection(
        IOptions<KafkaOptions> options,
        IOptions<KafkaCircuitBreakerOptions> breakerOptions,
        CircuitBreakerStates breakerStates,
        TimeProvider timeProvider,
        ILogger<KafkaProducerConnection> logger)
    {
        this.logger = logger;
        var settings = options.Value;
        var breaker = breakerOptions.Value;
        retryAfter = Max(TimeSpan.FromMilliseconds(settings.DeliveryTimeoutMs), MinimumRetryAfter);
        timeout = breaker.Timeout;

        config = new ProducerConfig(new Dictionary<string, string>(settings.Client))
        {
            BootstrapServers = settings.Broker,
            ClientId = "mastery-engine",
            Acks = Acks.All,
            EnableIdempotence = true,
            MessageTimeoutMs = settings.DeliveryTimeoutMs,
        };
        config.LingerMs ??= 5;

        pipeline = new ResiliencePipelineBuilder { Name = CircuitBreakerName, TimeProvider = timeProvider }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = breaker.FailureRatio,
                MinimumThroughput = breaker.MinimumThroughput,
                SamplingDuration = breaker.SamplingDuration,
                BreakDuration = breaker.BreakDuration,
                ShouldHandle = new PredicateBuilder().Handle<StreamUnavailableException>().Handle<TimeoutRejectedException>(),
                StateProvider = breakerStates.Register(CircuitBreakerName),
                OnOpened = args =>
                {
                    logger.LogWarning("Kafka circuit breaker opened for {BreakDuration}: sends are refused until a probe succeeds", args.BreakDuration);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    logger.LogInformation("Kafka circuit breaker closed: the brokers acknowledge again");
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(timeout)
            .Build();
        client = CreateClient();
    }

    /// <summary>
    /// Set while the current producer has failed fatally and is not replaced yet (replacement starts at once; this
    /// stays set only if building the new producer fails).
    /// </summary>
    public Error? FatalError => client.FatalError;

    /// <summary>The librdkafka producer sends currently go to; tests use it to inject a fatal error.</summary>
    internal IProducer<byte[]?, byte[]?> CurrentProducer => client.Producer;

    public async Task<DeliveryResult<byte[]?, byte[]?>> ProduceAsync(
        string topic, Message<byte[]?, byte[]?> message, CancellationToken cancellationToken)
    {
        try
        {
            return await pipeline.ExecuteAsync(
                static (state, token) => state.Connection.SendAsync(state.Topic, state.Message, token),
                (Connection: this, Topic: topic, Message: message),
                cancellationToken);
        }
        catch (BrokenCircuitException e)
        {
            throw new StreamUnavailableException(
                $"Kafka is unavailable: its circuit breaker is open and the message for topic '{topic}' was refused.",
                Max(e.RetryAfter ?? retryAfter, MinimumRetryAfter), e);
        }
        catch (TimeoutRejectedException e)
        {
            throw new StreamUnavailableException(
                $"Kafka did not acknowledge the message for topic '{topic}' within {timeout.TotalSeconds:0.#} s.", retryAfter, e);
        }
    }

    public void Dispose()
    {
        KafkaProducerClient last;
        lock (gate)
        {
            disposed = true;
            last = client;
        }

        last.Dispose();
    }

    private async ValueTask<DeliveryResult<byte[]?, byte[]?>> SendAsync(
        string topic, Message<byte[]?, byte[]?> message, CancellationToken cancellationToken)
    {
        var current = CurrentClient();
        try
        {
            return await current.Producer.ProduceAsync(topic, message, cancellationToken);
        }
        catch (ProduceException<byte[]?, byte[]?> e) when (e.Error.IsFatal)
        {
            // Sends already queued on a producer that failed fatally come back with its error; the next ones go
            // to its replacement.
            OnFatalError(current, e.Error);
            throw new StreamUnavailableException(
                $"The Kafka producer failed fatally ({e.Error.Reason}) and is being replaced; the message for topic '{topic}' was not sent.",
                retryAfter, e);
        }
        catch (ProduceException<byte[]?, byte[]?> e) when (IsUnavailability(e.Error))
        {
            throw new StreamUnavailableException(
                $"Kafka did not acknowledge the message for topic '{topic}': {e.Error.Reason}", retryAfter, e);
        }
    }

    private KafkaProducerClient CurrentClient()
    {
        var current = client;
        return current.FatalError is null ? current : Replace(current);
    }

    private KafkaProducerClient CreateClient() => new(
        new ProducerBuilder<byte[]?, byte[]?>(config)
            .SetErrorHandler(OnError)
            .SetLogHandler((_, message) => KafkaLog.Write(logger, message))
            .Build());

    private void OnError(IProducer<byte[]?, byte[]?> producer, Error error)
    {
        if (!error.IsFatal)
        {
            logger.LogWarning("Kafka producer: {Reason} ({Code})", error.Reason, error.Code);
            return;
        }

        var current = client;
        if (ReferenceEquals(current.Producer, producer))
        {
            OnFatalError(current, error);
        }
    }

    /// <summary>
    /// librdkafka's remedy for a fatal (idempotent) producer error is a new producer instance. The replacement runs
    /// on the thread pool: this may be librdkafka's own callback thread, which disposing the old producer waits for.
    /// </summary>
    private void OnFatalError(KafkaProducerClient failed, Error error)
    {
        if (failed.FatalError is not null)
        {
            return;
        }

        failed.MarkFatal(error);
        logger.LogCritical("Kafka producer failed fatally: {Reason} ({Code}); replacing it with a new producer", error.Reason, error.Code);
        ThreadPool.QueueUserWorkItem(static state => state.Connection.TryReplace(state.Failed), (Connection: this, Failed: failed), preferLocal: false);
    }

    private void TryReplace(KafkaProducerClient failed)
    {
        try
        {
            Replace(failed);
        }
        catch (Exception e) when (e is KafkaException or ArgumentException)
        {
            // The next send tries again (CurrentClient); until then FatalError keeps /ready failing.
            logger.LogError(e, "Replacing the failed Kafka producer did not work; the next send tries again");
        }
    }

    private KafkaProducerClient Replace(KafkaProducerClient failed)
    {
        KafkaProducerClient replacement;
        lock (gate)
        {
            // After Dispose the failed producer stays: shutdown is no time to start a new one.
            if (disposed || !ReferenceEquals(client, failed))
            {
                return client;
            }

            replacement = CreateClient();
            client = replacement;
        }

        logger.LogWarning("Replaced the fatally failed Kafka producer with a new one");
        ThreadPool.QueueUserWorkItem(static old => old.Dispose(), failed, preferLocal: false);
        return replacement;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static bool IsUnavailability(Error error) => error.Code is
        ErrorCode.Local_MsgTimedOut or ErrorCode.Local_TimedOut or ErrorCode.Local_AllBrokersDown
        or ErrorCode.Local_Transport or ErrorCode.Local_QueueFull or ErrorCode.RequestTimedOut
        or ErrorCode.NotEnoughReplicas or ErrorCode.NotEnoughReplicasAfterAppend or ErrorCode.LeaderNotAvailable
        or ErrorCode.NotLeaderForPartition or ErrorCode.NetworkException;
}
