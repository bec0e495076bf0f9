using Orleans.Runtime;

namespace MasteryEngine.Grains;

/// <summary>
/// Installed on every grain (an Orleans grain extension): it runs inside the grain's own activation, so its answer
/// names the silo that really hosts the grain, which <c>X-Served-By</c> (the silo that served the HTTP request) does
/// not. Operators and the multi-silo tests use it to see that one student has one activation in the whole cluster.
/// </summary>
[Alias("mastery.activation-location")]
public interface IActivationLocation : IGrainExtension
{
    [Alias("locate")]
    Task<ActivationLocation> LocateAsync();
}
