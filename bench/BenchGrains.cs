using MasteryEngine.Runtime;
using MasteryEngine.Runtime.Storage;

namespace MasteryEngine.Bench;

public interface INoOpGrain : IGrainWithStringKey
{
    Task PingAsync();
}

/// <summary>Does nothing: measures the runtime's own cost per call.</summary>
public sealed class NoOpGrain : Grain, INoOpGrain
{
    public Task PingAsync() => Task.CompletedTask;
}

public interface ISmallStateGrain : IGrainWithStringKey
{
    Task<int> GetAsync();
}

public sealed class SmallState
{
    public int Count { get; set; }

    public double Score { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A grain with a small persistent state, for resident memory per activation.</summary>
public sealed class SmallStateGrain([PersistentState("small")] IPersistentState<SmallState> state) : Grain, ISmallStateGrain
{
    public Task<int> GetAsync() => Task.FromResult(state.State.Count);
}
