using MasteryEngine.Grains;
using Orleans.Runtime;

namespace MasteryEngine.Silo.Hosting;

/// <summary>Answers <see cref="IActivationLocation"/> from inside the grain's activation: this silo's name and the activation id.</summary>
internal sealed class ActivationLocator(IGrainContext grain, ILocalSiloDetails silo) : IActivationLocation
{
    public Task<ActivationLocation> LocateAsync() => Task.FromResult(new ActivationLocation(silo.Name, grain.ActivationId.ToString()));
}
