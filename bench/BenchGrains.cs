namespace MasteryEngine.Bench;

[Alias("bench.no-op")]
public interface INoOpGrain : IGrainWithStringKey
{
    [Alias("ping")]
    Task PingAsync();
}

/// <summary>A bare grain: no state, no filters, nothing to do. Measures Orleans' own cost per call.</summary>
public sealed class NoOpGrain : Grain, INoOpGrain
{
    public Task PingAsync() => Task.CompletedTask;
}
