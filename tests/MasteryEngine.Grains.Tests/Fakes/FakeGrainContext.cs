using MasteryEngine.Runtime;

namespace MasteryEngine.Grains.Tests.Fakes;

public sealed class FakeGrainContext(GrainId grainId, IGrainFactory grainFactory, IServiceProvider services) : IGrainContext
{
    public GrainId GrainId => grainId;

    public IGrainFactory GrainFactory => grainFactory;

    public IServiceProvider ActivationServices => services;

    public bool DeactivationRequested { get; private set; }

    public void DeactivateOnIdle() => DeactivationRequested = true;
}
