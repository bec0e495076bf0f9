using MasteryEngine.Runtime.Storage;
using Microsoft.Extensions.Logging;

namespace MasteryEngine.Silo.Runtime;

/// <summary>
/// One activation of one grain and its turn-based scheduler: one call at a time, in arrival order.
/// <para>
/// A call that finds the activation idle runs inline on the caller's thread (no queueing, no extra Task);
/// otherwise it queues and runs from the thread pool when the current turn ends. Activation and deactivation
/// are turns too, so no call overlaps them. Invariant: <see cref="busy"/> is false only while the activation is
/// valid, its queue is empty and no deactivation is pending.
/// </para>
/// </summary>
internal sealed class GrainActivation : IGrainContext, IThreadPoolWorkItem
{
    private const int TurnsPerDrain = 64;

    private readonly Lock gate = new();
    private readonly GrainActivationCatalog catalog;
    private Queue<PendingGrainCall>? pending;
    private ActivationStatus status = ActivationStatus.Activating;
    private bool busy = true;
    private DeactivationReason? requestedDeactivation;
    private TaskCompletionSource? deactivated;
    private Grain? grain;
    private long lastUseEpoch;
    private long lastUsedTicks;

    public GrainActivation(GrainActivationCatalog catalog, GrainId grainId, GrainClass grainClass)
    {
        this.catalog = catalog;
        GrainId = grainId;
        GrainClass = grainClass;
    }

    public GrainId GrainId { get; }

    public GrainClass GrainClass { get; }

    public IGrainFactory GrainFactory => catalog.GrainFactory;

    public IServiceProvider ActivationServices => catalog.Services;

    /// <summary>A reference handed out by the grain factory while this activation lives, so GetGrain allocates none.</summary>
    public object? Reference { get; set; }

    public bool IsServing => status is ActivationStatus.Activating or ActivationStatus.Valid;

    /// <summary>Idle: valid, no call running or queued. Read without the lock, so only a hint for choosing candidates.</summary>
    public bool LooksIdle => !Volatile.Read(ref busy);

    public long LastUseEpoch => Volatile.Read(ref lastUseEpoch);

    public long LastUsedTicks => Volatile.Read(ref lastUsedTicks);

    internal GrainRuntimeMetrics Metrics => catalog.Metrics;

    internal Grain Grain => grain ?? throw new InvalidOperationException($"Grain {GrainId} is not active.");

    public void DeactivateOnIdle() => _ = DeactivateAsync(DeactivationReason.ApplicationRequested);

    /// <summary>
    /// Runs the call now when the activation is idle, else queues it. Returns null when the activation is gone
    /// (the caller asks the catalog for the current one).
    /// </summary>
    public Task<TResult>? Call<TResult>(GrainMethod<TResult> method, object?[] arguments, GrainCallChain? caller)
    {
        lock (gate)
        {
            if (status == ActivationStatus.Invalid)
            {
                return null;
            }

            if (busy)
            {
                var call = new PendingGrainCall<TResult>(method, arguments, caller);
                (pending ??= new Queue<PendingGrainCall>()).Enqueue(call);
                return call.Task;
            }

            busy = true;
        }

        return RunInline(method, arguments, caller);
    }

    /// <summary>Queues a call forwarded from a previous activation; false when this one is gone too.</summary>
    public bool TryEnqueue(PendingGrainCall call)
    {
        var drain = false;
        lock (gate)
        {
            if (status == ActivationStatus.Invalid)
            {
                return false;
            }

            (pending ??= new Queue<PendingGrainCall>()).Enqueue(call);
            if (!busy)
            {
                busy = true;
                drain = true;
            }
        }

        if (drain)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }

        return true;
    }

    /// <summary>Called once by whoever created the activation, after queueing its own call.</summary>
    public void StartActivation(GrainCallChain? caller) => _ = ActivateAsync(caller);

    /// <summary>Deactivates after the current turn (queued calls then go to a new activation); completes when done.</summary>
    public Task DeactivateAsync(DeactivationReason reason)
    {
        bool start;
        Task done;
        lock (gate)
        {
            if (status == ActivationStatus.Invalid)
            {
                return Task.CompletedTask;
            }

            deactivated ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            done = deactivated.Task;
            start = status == ActivationStatus.Valid && !busy;
            if (start)
            {
                busy = true;
                status = ActivationStatus.Deactivating;
            }
            else if (status != ActivationStatus.Deactivating)
            {
                requestedDeactivation ??= reason;
            }
        }

        if (start)
        {
            StartDeactivation(reason);
        }

        return done;
    }

    /// <summary>Deactivates only if idle and unused since the given bounds (idle collection, capacity eviction).</summary>
    public bool TryDeactivateIdle(DeactivationReason reason, long usedAtOrBeforeTicks, long usedAtOrBeforeEpoch)
    {
        lock (gate)
        {
            if (status != ActivationStatus.Valid || busy || lastUsedTicks > usedAtOrBeforeTicks || lastUseEpoch > usedAtOrBeforeEpoch)
            {
                return false;
            }

            busy = true;
            status = ActivationStatus.Deactivating;
        }

        StartDeactivation(reason);
        return true;
    }

    /// <summary>
    /// Drains queued calls on a thread-pool thread, a bounded number per visit so other grains get threads too.
    /// A call's caller is completed only after the activation decided what runs next, so a caller that sees its
    /// result sees the activation idle (or busy with the next call), never still finishing its own turn.
    /// </summary>
    public void Execute()
    {
        PendingGrainCall? finished = null;
        for (var turns = 0; ; turns++)
        {
            PendingGrainCall? call = null;
            DeactivationReason? reason = null;
            var yieldThread = false;
            lock (gate)
            {
                if (requestedDeactivation is { } requested)
                {
                    status = ActivationStatus.Deactivating;
                    reason = requested;
                }
                else if (turns == TurnsPerDrain)
                {
                    yieldThread = true;
                }
                else if (pending is null || !pending.TryDequeue(out call))
                {
                    busy = false;
                }
            }

            finished?.CompleteCaller();
            if (reason is { } deactivation)
            {
                StartDeactivation(deactivation);
                return;
            }

            if (yieldThread)
            {
                ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
                return;
            }

            if (call is null || !call.Run(this))
            {
                return;
            }

            finished = call;
        }
    }

    internal GrainCallChain BeginTurn(GrainCallChain? caller)
    {
        lastUseEpoch = catalog.UseEpoch;
        lastUsedTicks = catalog.CoarseNowTicks;
        var turn = new GrainCallChain(GrainId, caller);
        GrainCallChain.Current = turn;
        return turn;
    }

    /// <summary>Book-keeping at the end of a call's turn; an ETag conflict that escaped the grain drops this activation.</summary>
    internal void CompleteTurn(Task task, GrainCallChain turn)
    {
        turn.Complete();
        catalog.Metrics.CallCompleted();
        if (task.IsFaulted && task.Exception!.InnerException is InconsistentStateException)
        {
            lock (gate)
            {
                requestedDeactivation ??= DeactivationReason.InconsistentState;
            }
        }
    }

    /// <summary>Hands the activation to the next queued call, the pending deactivation, or idleness.</summary>
    internal void ReleaseTurn()
    {
        DeactivationReason? reason = null;
        lock (gate)
        {
            if (requestedDeactivation is { } requested)
            {
                status = ActivationStatus.Deactivating;
                reason = requested;
            }
            else if (pending is not { Count: > 0 })
            {
                busy = false;
                return;
            }
        }

        if (reason is { } deactivation)
        {
            StartDeactivation(deactivation);
        }
        else
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    private Task<TResult> RunInline<TResult>(GrainMethod<TResult> method, object?[] arguments, GrainCallChain? caller)
    {
        var callerContext = ExecutionContext.Capture();
        var turn = BeginTurn(caller);
        Task<TResult> task;
        try
        {
            task = method.Invoke(grain!, arguments);
        }
        finally
        {
            // Restoring the captured context allocates nothing, unlike setting the call chain back.
            ExecutionContext.Restore(callerContext!);
        }

        if (task.IsCompleted)
        {
            CompleteTurn(task, turn);
            ReleaseTurn();
            return task;
        }

        return AwaitTurnAsync(task, turn);
    }

    private async Task<TResult> AwaitTurnAsync<TResult>(Task<TResult> task, GrainCallChain turn)
    {
        try
        {
            return await task.ConfigureAwait(false);
        }
        finally
        {
            CompleteTurn(task, turn);
            ReleaseTurn();
        }
    }

    private async Task ActivateAsync(GrainCallChain? caller)
    {
        var turn = BeginTurn(caller);
        try
        {
            var (created, states) = GrainClass.Construct(this);
            foreach (var state in states)
            {
                await state.ReadStateAsync(CancellationToken.None).ConfigureAwait(false);
            }

            await created.OnActivateAsync(CancellationToken.None).ConfigureAwait(false);
            grain = created;
        }
        catch (Exception exception)
        {
            turn.Complete();
            FailActivation(exception);
            return;
        }

        turn.Complete();
        lock (gate)
        {
            status = ActivationStatus.Valid;
        }

        catalog.Metrics.Activated();
        ReleaseTurn();
    }

    private void FailActivation(Exception exception)
    {
        var (calls, waiting) = Invalidate();
        catalog.Remove(this);
        catalog.Logger.LogWarning(exception, "Activation of grain {GrainId} failed; {Count} waiting call(s) get the error and the next call tries again", GrainId, calls?.Count ?? 0);
        while (calls is not null && calls.TryDequeue(out var call))
        {
            call.Fail(exception);
        }

        waiting?.TrySetResult();
    }

    /// <summary>Marks the activation invalid and hands back what waited on it: queued calls and the deactivation waiter.</summary>
    private (Queue<PendingGrainCall>? Calls, TaskCompletionSource? Waiting) Invalidate()
    {
        lock (gate)
        {
            status = ActivationStatus.Invalid;
            var calls = pending;
            pending = null;
            grain = null;
            return (calls, deactivated);
        }
    }

    private void StartDeactivation(DeactivationReason reason) =>
        ThreadPool.UnsafeQueueUserWorkItem(static state => _ = state.activation.RunDeactivationAsync(state.reason), (activation: this, reason), preferLocal: false);

    private async Task RunDeactivationAsync(DeactivationReason reason)
    {
        var turn = BeginTurn(null);
        try
        {
            await grain!.OnDeactivateAsync(reason, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            catalog.Logger.LogWarning(exception, "OnDeactivateAsync of grain {GrainId} failed (reason {Reason}); the activation is dropped anyway", GrainId, reason);
        }

        turn.Complete();
        var (calls, waiting) = Invalidate();
        catalog.Remove(this);
        catalog.Metrics.Deactivated(reason);
        waiting?.TrySetResult();
        while (calls is not null && calls.TryDequeue(out var call))
        {
            catalog.Forward(GrainId, GrainClass, call);
        }
    }
}
