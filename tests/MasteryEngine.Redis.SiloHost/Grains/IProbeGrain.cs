namespace MasteryEngine.Redis.SiloHost.Grains;

/// <summary>A grain with one persistent state, standing in for the service's grains in these storage tests.</summary>
public interface IProbeGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync();

    Task<int> ReadAsync();

    /// <summary>The silo the activation lives on and the activation's own id.</summary>
    Task<string> WhereAsync();

    Task EraseAsync();
}
