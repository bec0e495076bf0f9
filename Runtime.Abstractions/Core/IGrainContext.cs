namespace MasteryEngine.Runtime;

/// <summary>What an activation knows about itself; supplied by the runtime to <see cref="Grain"/>.</summary>
public interface IGrainContext
{
    GrainId GrainId { get; }

    IGrainFactory GrainFactory { get; }

    IServiceProvider ActivationServices { get; }

    /// <summary>Ask the runtime to deactivate this activation once the current call has finished.</summary>
    void DeactivateOnIdle();
}
