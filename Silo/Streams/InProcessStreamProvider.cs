using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using MasteryEngine.Runtime.Streams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Silo.Streams;

/// <summary>
/// Streams inside one process. <see cref="IAsyncStream{T}.OnNextAsync"/> returns once the item is queued; each
/// namespace has a fixed set of bounded single-reader queues (shards) and a stream key always maps to the same
/// shard, so items of one stream are delivered in order while different streams proceed in parallel, and a
/// flood makes publishers wait instead of growing memory. A failing subscriber is retried with backoff, then
/// the item is dead-lettered (kept in <see cref="DeadLetters"/>, logged, counted) and delivery moves on; an item
/// the subscriber rejects as bad input (<see cref="ArgumentException"/>) is dead-lettered at once.
/// <para>
/// Namespaces have separate shards, so a subscriber may publish to another namespace (learning events →
/// mastery events) without waiting on its own queue. A subscriber publishing to its own namespace could wait on
/// its own full shard: don't.
/// </para>
/// </summary>
public sealed class InProcessStreamProvider : IStreamProvider, IAsyncDisposable
{
    private readonly InProcessStreamOptions options;
    private readonly TimeProvider clock;
    private readonly ILogger<InProcessStreamProvider> logger;
    private readonly StreamMetrics metrics;
    private readonly ILookup<string, StreamSubscriber> implicitSubscribers;
    private readonly ConcurrentDictionary<string, ImmutableArray<StreamSubscriber>> explicitSubscribers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Channel<StreamDelivery>[]> shards = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<StreamDeadLetter> deadLetters = new();
    private readonly List<Task> readers = [];
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock idleGate = new();
    private long queued;
    private readonly Lazy<Task> stop;
    private TaskCompletionSource? idle;

    public InProcessStreamProvider(
        IEnumerable<ImplicitStreamSubscription> subscriptions,
        IGrainFactory grainFactory,
        IOptions<InProcessStreamOptions> options,
        TimeProvider clock,
        IMeterFactory meterFactory,
        ILogger<InProcessStreamProvider> logger)
    {
        this.options = options.Value;
        this.clock = clock;
        stop = new Lazy<Task>(StopReadersAsync);
        this.logger = logger;
        metrics = new StreamMetrics(meterFactory, () => Volatile.Read(ref queued));
        implicitSubscribers = subscriptions.ToLookup(
            s => s.Namespace,
            s => new StreamSubscriber($"implicit:{s.Namespace}:{s.ItemType.Name}", s.ItemType, Implicit: true,
                (streamId, item, cancellationToken) => s.Handler(grainFactory, streamId, item, cancellationToken)),
            StringComparer.Ordinal);
    }

    /// <summary>Items every attempt failed for, oldest first (bounded by <see cref="InProcessStreamOptions.DeadLetterCapacity"/>).</summary>
    public IReadOnlyList<StreamDeadLetter> DeadLetters => [.. deadLetters];

    public IAsyncStream<T> GetStream<T>(StreamId streamId) => new InProcessStream<T>(this, streamId);

    /// <summary>
    /// Observes a namespace from outside the grains (the gateway, tests): <paramref name="handler"/> receives the
    /// items of type <typeparamref name="T"/> published after this call, in order per stream. Dispose to stop.
    /// </summary>
    public ValueTask<IAsyncDisposable> SubscribeAsync<T>(string streamNamespace, Func<StreamId, T, CancellationToken, Task> handler)
    {
        var subscriber = new StreamSubscriber($"explicit:{streamNamespace}:{typeof(T).Name}:{Guid.NewGuid():N}", typeof(T), Implicit: false,
            (streamId, item, cancellationToken) => handler(streamId, (T)item, cancellationToken));
        explicitSubscribers.AddOrUpdate(streamNamespace, _ => [subscriber], (_, list) => list.Add(subscriber));
        return ValueTask.FromResult<IAsyncDisposable>(new Subscription(this, streamNamespace, subscriber));
    }

    /// <summary>Completes when every item published so far has been delivered or dead-lettered.</summary>
    public Task WaitForIdleAsync(CancellationToken cancellationToken = default)
    {
        lock (idleGate)
        {
            if (queued == 0)
            {
                return Task.CompletedTask;
            }

            idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return idle.Task.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        stopping.Dispose();
    }

    /// <summary>
    /// Stops the shard readers; items still queued are abandoned (the host drains them first). The host's stop and
    /// the container's dispose can race: every caller awaits the one stop, so nobody disposes what it still uses.
    /// </summary>
    internal Task StopAsync() => stop.Value;

    private async Task StopReadersAsync()
    {
        foreach (var shardSet in shards.Values)
        {
            foreach (var shard in shardSet)
            {
                shard.Writer.TryComplete();
            }
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        Task[] running;
        lock (readers)
        {
            running = [.. readers];
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    internal async Task PublishAsync(StreamId streamId, object item, CancellationToken cancellationToken)
    {
        var subscribers = SubscribersFor(streamId.Namespace, item);
        if (subscribers.Length == 0)
        {
            logger.LogDebug("No subscriber for stream {StreamId}; item dropped", streamId);
            return;
        }

        var shardSet = shards.GetOrAdd(streamId.Namespace, CreateShards);
        var shard = shardSet[(int)((uint)StringComparer.Ordinal.GetHashCode(streamId.Key) % (uint)shardSet.Length)];
        OnQueued();
        try
        {
            await shard.Writer.WriteAsync(new StreamDelivery(streamId, item, subscribers), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            OnDone();
            throw;
        }
    }

    private StreamSubscriber[] SubscribersFor(string streamNamespace, object item)
    {
        var subscribers = new List<StreamSubscriber>();
        foreach (var subscriber in implicitSubscribers[streamNamespace])
        {
            if (subscriber.Accepts(item))
            {
                subscribers.Add(subscriber);
            }
        }

        if (explicitSubscribers.TryGetValue(streamNamespace, out var observers))
        {
            subscribers.AddRange(observers.Where(o => o.Accepts(item)));
        }

        return [.. subscribers];
    }

    private Channel<StreamDelivery>[] CreateShards(string streamNamespace)
    {
        var shardSet = new Channel<StreamDelivery>[options.ShardCount];
        for (var i = 0; i < shardSet.Length; i++)
        {
            shardSet[i] = Channel.CreateBounded<StreamDelivery>(new BoundedChannelOptions(options.ShardCapacity)
            {
                SingleReader = true,
                FullMode = BoundedChannelFullMode.Wait,
            });
        }

        lock (readers)
        {
            foreach (var shard in shardSet)
            {
                readers.Add(Task.Run(() => ReadShardAsync(shard.Reader)));
            }
        }

        return shardSet;
    }

    private async Task ReadShardAsync(ChannelReader<StreamDelivery> shard)
    {
        try
        {
            await foreach (var delivery in shard.ReadAllAsync(stopping.Token).ConfigureAwait(false))
            {
                foreach (var subscriber in delivery.Subscribers)
                {
                    await DeliverAsync(delivery, subscriber).ConfigureAwait(false);
                }

                OnDone();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Disposed: undelivered items are abandoned (the host drains before disposing).
        }
    }

    private async Task DeliverAsync(StreamDelivery delivery, StreamSubscriber subscriber)
    {
        var streamNamespace = delivery.StreamId.Namespace;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await subscriber.Handler(delivery.StreamId, delivery.Item, stopping.Token).ConfigureAwait(false);
                metrics.Delivered(streamNamespace);
                return;
            }
            catch (Exception exception) when (attempt < options.MaxDeliveryAttempts && !stopping.IsCancellationRequested && !IsBadInput(exception))
            {
                metrics.Retried(streamNamespace);
                logger.LogWarning(exception, "Delivery of an item of stream {StreamId} to {Subscriber} failed (attempt {Attempt} of {MaxAttempts}); retrying",
                    delivery.StreamId, subscriber.Name, attempt, options.MaxDeliveryAttempts);
                // Real time on purpose: a retry must not wait for a test's manual clock to move.
                await Task.Delay(options.RetryBaseDelay * Math.Pow(2, attempt - 1), stopping.Token).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                DeadLetter(delivery, subscriber, attempt, exception);
                return;
            }
        }
    }

    /// <summary>The item itself was rejected (e.g. an invalid learning event): retrying cannot help and would stall its shard.</summary>
    private static bool IsBadInput(Exception exception) => exception is ArgumentException;

    private void DeadLetter(StreamDelivery delivery, StreamSubscriber subscriber, int attempts, Exception exception)
    {
        deadLetters.Enqueue(new StreamDeadLetter(delivery.StreamId, delivery.Item, subscriber.Name, attempts, exception, clock.GetUtcNow()));
        while (deadLetters.Count > options.DeadLetterCapacity && deadLetters.TryDequeue(out _))
        {
        }

        metrics.DeadLettered(delivery.StreamId.Namespace);
        logger.LogError(exception, "Dead-lettered an item of stream {StreamId} for {Subscriber} after {Attempts} attempt(s)",
            delivery.StreamId, subscriber.Name, attempts);
    }

    private void OnQueued()
    {
        lock (idleGate)
        {
            queued++;
        }
    }

    private void OnDone()
    {
        lock (idleGate)
        {
            if (--queued == 0 && idle is not null)
            {
                idle.TrySetResult();
                idle = null;
            }
        }
    }

    private void Unsubscribe(string streamNamespace, StreamSubscriber subscriber) =>
        explicitSubscribers.AddOrUpdate(streamNamespace, _ => [], (_, list) => list.Remove(subscriber));

    private sealed class Subscription(InProcessStreamProvider provider, string streamNamespace, StreamSubscriber subscriber) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            provider.Unsubscribe(streamNamespace, subscriber);
            return ValueTask.CompletedTask;
        }
    }
}
