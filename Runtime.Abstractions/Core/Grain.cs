namespace MasteryEngine.Runtime;

/// <summary>
/// Base class of grain implementations. The runtime creates one instance per activation and calls its
/// methods one at a time.
/// </summary>
public abstract class Grain
{
    protected Grain()
    {
        GrainContext = GrainContextScope.Current
            ?? throw new InvalidOperationException(
                "Grains are created by the runtime (IGrainFactory.GetGrain); to construct one by hand, wrap the constructor call in GrainContextScope.Enter(context).");
    }

    public IGrainContext GrainContext { get; }

    protected IGrainFactory GrainFactory => GrainContext.GrainFactory;

    public string GetPrimaryKeyString() => GrainContext.GrainId.Key;

    /// <summary>Called after the persistent state was read and before the first call is delivered.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called before the activation is dropped; not called when activation itself failed.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    protected void DeactivateOnIdle() => GrainContext.DeactivateOnIdle();
}
