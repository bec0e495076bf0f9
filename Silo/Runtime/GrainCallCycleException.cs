namespace MasteryEngine.Silo.Runtime;

/// <summary>
/// A grain called itself, directly or through other grains (A → B → A), while its own turn was still waiting
/// for that call. Turns never interleave, so the call would wait forever; the runtime fails it at once instead.
/// </summary>
public sealed class GrainCallCycleException : Exception
{
    public GrainCallCycleException() : this("A grain call would wait for a turn that is waiting for it.") { }

    public GrainCallCycleException(string message) : base(message) { }

    public GrainCallCycleException(string message, Exception innerException) : base(message, innerException) { }

    internal GrainCallCycleException(GrainId target, IReadOnlyList<GrainId> chain)
        : this($"Call cycle: {string.Join(" → ", chain)} → {target}. A grain cannot call itself, directly or through other grains, " +
               "while its turn is waiting: turns never interleave, so the call would deadlock. Do the work inline, or call without awaiting from outside the turn.")
    {
        Target = target;
        Chain = chain;
    }

    public GrainId Target { get; }

    public IReadOnlyList<GrainId> Chain { get; } = [];
}
