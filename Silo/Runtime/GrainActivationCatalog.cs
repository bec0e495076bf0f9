using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Silo.Runtime;

/// <summary>
/// The activations resident in this silo: at most one per grain id. It creates them on demand, collects idle
/// ones, keeps their number under the configured cap (least recently used idle ones first, never a busy one)
/// and deactivates them on request, e.g. when another silo changed a grain's state.
/// </summary>
public sealed class GrainActivationCatalog : IDisposable
{
    private readonly ConcurrentDictionary<GrainId, GrainActivation> activations = new();
    private readonly TimeProvider clock;
    private readonly GrainCollectionOptions options;
    private IGrainFactory? grainFactory;
    private ITimer? collectionTimer;
    private long useEpoch;
    private long coarseNowTicks;
    private int resident;
    private int evicting;
    private volatile bool stopping;

    internal GrainActivationCatalog(
        IServiceProvider services,
        TimeProvider clock,
        IOptions<GrainCollectionOptions> options,
        GrainRuntimeMetrics metrics,
        ILogger<GrainActivationCatalog> logger)
    {
        Services = services;
        this.clock = clock;
        this.options = options.Value;
        Metrics = metrics;
        Logger = logger;
        coarseNowTicks = clock.GetUtcNow().UtcTicks;
        metrics.Meter.CreateObservableGauge("grain_activations_resident", () => Volatile.Read(ref resident), description: "Grain activations resident in this silo.");
    }

    /// <summary>Activations in memory, including ones activating or deactivating.</summary>
    public int ResidentCount => Volatile.Read(ref resident);

    internal IServiceProvider Services { get; }

    internal IGrainFactory GrainFactory => grainFactory ??= Services.GetRequiredService<IGrainFactory>();

    internal GrainRuntimeMetrics Metrics { get; }

    internal ILogger Logger { get; }

    /// <summary>The clock as of the last collection tick: calls stamp it instead of reading the clock each time.</summary>
    internal long CoarseNowTicks => Volatile.Read(ref coarseNowTicks);

    /// <summary>Whether an activation of the grain serves calls here (activating or active, not being deactivated).</summary>
    public bool IsResident(GrainId grainId) => activations.TryGetValue(grainId, out var activation) && activation.IsServing;

    /// <summary>
    /// Deactivates the grain's activation in this silo, if any, after its current call; calls queued behind it go
    /// to a fresh activation, which reads its state again. Completes when OnDeactivateAsync has run.
    /// </summary>
    public Task DeactivateAsync(GrainId grainId, DeactivationReason reason) =>
        activations.TryGetValue(grainId, out var activation) ? activation.DeactivateAsync(reason) : Task.CompletedTask;

    /// <summary>
    /// Deactivates activations idle for at least <see cref="GrainCollectionOptions.CollectionAge"/>; runs every
    /// quantum. A call stamps the clock as of the last run, so an idle activation goes between CollectionAge and
    /// CollectionAge + CollectionQuantum after its last call.
    /// </summary>
    public int CollectIdleActivations()
    {
        var now = clock.GetUtcNow().UtcTicks;
        Volatile.Write(ref coarseNowTicks, now);
        var usedAtOrBefore = now - options.CollectionAge.Ticks - options.CollectionQuantum.Ticks;
        var collected = 0;
        foreach (var activation in activations.Values)
        {
            if (activation.LooksIdle && activation.LastUsedTicks <= usedAtOrBefore &&
                activation.TryDeactivateIdle(DeactivationReason.IdleCollection, usedAtOrBefore, long.MaxValue))
            {
                collected++;
            }
        }

        if (collected > 0)
        {
            Logger.LogDebug("Idle collection deactivated {Count} activation(s)", collected);
        }

        return collected;
    }

    public void Dispose() => collectionTimer?.Dispose();

    internal void Start() =>
        collectionTimer ??= clock.CreateTimer(static state => ((GrainActivationCatalog)state!).CollectIdleActivations(), this, options.CollectionQuantum, options.CollectionQuantum);

    /// <summary>Stops creating activations and deactivates every resident one (reason ShuttingDown).</summary>
    internal async Task DeactivateAllAsync(CancellationToken cancellationToken)
    {
        stopping = true;
        collectionTimer?.Dispose();
        var deactivations = activations.Values.Select(a => a.DeactivateAsync(DeactivationReason.ShuttingDown)).ToArray();
        try
        {
            await Task.WhenAll(deactivations).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Logger.LogWarning("Silo stop timed out with {Count} activation(s) still deactivating", ResidentCount);
        }
    }

    /// <summary>
    /// What a turn stamps on its activation for LRU eviction. It moves only when an activation is created (the only
    /// time eviction is decided), so calls read it without writing a shared cache line; activations used between
    /// two creations count as equally recent.
    /// </summary>
    internal long UseEpoch => Volatile.Read(ref useEpoch);

    internal GrainActivation? Find(GrainId grainId) => activations.TryGetValue(grainId, out var activation) ? activation : null;

    internal GrainActivation GetOrCreate(GrainId grainId, GrainClass grainClass, out bool created)
    {
        created = false;
        if (activations.TryGetValue(grainId, out var existing))
        {
            return existing;
        }

        if (stopping)
        {
            throw new SiloUnavailableException($"The silo is stopping; grain {grainId} was not activated and the call was not delivered.");
        }

        var activation = new GrainActivation(this, grainId, grainClass);
        existing = activations.GetOrAdd(grainId, activation);
        if (ReferenceEquals(existing, activation))
        {
            created = true;
            Interlocked.Increment(ref useEpoch);
            var count = Interlocked.Increment(ref resident);
            if (count > options.MaxResidentActivations)
            {
                ScheduleEviction();
            }
        }

        return existing;
    }

    internal void Remove(GrainActivation activation)
    {
        if (activations.TryRemove(KeyValuePair.Create(activation.GrainId, activation)))
        {
            Interlocked.Decrement(ref resident);
        }
    }

    /// <summary>Delivers a call queued on an activation that went away to the grain's current activation.</summary>
    internal void Forward(GrainId grainId, GrainClass grainClass, PendingGrainCall call)
    {
        try
        {
            while (true)
            {
                var activation = GetOrCreate(grainId, grainClass, out var created);
                var queued = activation.TryEnqueue(call);
                if (created)
                {
                    activation.StartActivation(call.Caller);
                }

                if (queued)
                {
                    return;
                }

                Remove(activation);
            }
        }
        catch (SiloUnavailableException exception)
        {
            call.Fail(exception);
        }
    }

    private void ScheduleEviction()
    {
        if (Interlocked.Exchange(ref evicting, 1) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static catalog => catalog.EvictLeastRecentlyUsed(), this, preferLocal: false);
        }
    }

    /// <summary>
    /// Deactivates the least recently used idle activations until the count is back under the cap, with 5% headroom
    /// so a silo at its cap does not scan all activations on every new one.
    /// </summary>
    private void EvictLeastRecentlyUsed()
    {
        try
        {
            var cap = options.MaxResidentActivations ?? int.MaxValue;
            var excess = ResidentCount - cap + cap / 20;
            if (excess <= 0)
            {
                return;
            }

            // Max-heap of the `excess` oldest idle activations seen so far.
            var oldest = new PriorityQueue<GrainActivation, long>(excess, Comparer<long>.Create((a, b) => b.CompareTo(a)));
            foreach (var activation in activations.Values)
            {
                if (!activation.LooksIdle)
                {
                    continue;
                }

                var sequence = activation.LastUseEpoch;
                if (oldest.Count < excess)
                {
                    oldest.Enqueue(activation, sequence);
                }
                else if (oldest.TryPeek(out _, out var newestKept) && sequence < newestKept)
                {
                    oldest.EnqueueDequeue(activation, sequence);
                }
            }

            var evicted = 0;
            while (oldest.TryDequeue(out var activation, out var sequence))
            {
                if (activation.TryDeactivateIdle(DeactivationReason.CapacityExceeded, long.MaxValue, sequence))
                {
                    evicted++;
                }
            }

            Logger.LogDebug("Evicted {Count} idle activation(s) to stay under the cap of {Cap}", evicted, cap);
        }
        finally
        {
            Volatile.Write(ref evicting, 0);
        }
    }
}
