namespace MasteryEngine.Runtime;

public enum DeactivationReason
{
    /// <summary>The grain asked for it with <c>DeactivateOnIdle()</c>.</summary>
    ApplicationRequested,
    /// <summary>Idle longer than the collection age.</summary>
    IdleCollection,
    /// <summary>Evicted to respect the cap on resident activations.</summary>
    CapacityExceeded,
    /// <summary>Storage reported an ETag conflict: the in-memory state is stale.</summary>
    InconsistentState,
    /// <summary>The silo is stopping.</summary>
    ShuttingDown,
}
