using MasteryEngine.Runtime;

namespace MasteryEngine.Silo.Tests.Grains;

public interface IProbeGrain : IGrainWithStringKey
{
    /// <summary>Calls <paramref name="otherKey"/>, which calls <paramref name="backKey"/>, which answers (an empty key answers).</summary>
    Task<string> CallThroughAsync(string otherKey, string backKey);

    /// <summary>Holds the turn until <paramref name="release"/> completes.</summary>
    Task HoldAsync(Task release);

    Task AppendAsync(int value);

    Task<IReadOnlyList<int>> GetAppendedAsync();

    Task<int> GetMaxConcurrencyAsync();

    Task ThrowAsync(Exception exception);

    Task ThrowSynchronously(Exception exception);

    Task<string> CallSelfAsync();

    Task<string> PingAsync();
}

/// <summary>Records what runs in it and how many calls overlapped, for turn-order and reentrancy tests.</summary>
[GrainType("probe")]
public sealed class ProbeGrain(GrainLifecycleLog log) : Grain, IProbeGrain
{
    private readonly List<int> appended = [];
    private int running;
    private int maxConcurrency;

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        log.Record(GetPrimaryKeyString(), $"deactivate:{reason}");
        return Task.CompletedTask;
    }

    public async Task HoldAsync(Task release)
    {
        Enter();
        log.Record(GetPrimaryKeyString(), "holding");
        await release;
        Exit();
    }

    public async Task AppendAsync(int value)
    {
        Enter();
        await Task.Yield();
        appended.Add(value);
        Exit();
    }

    public Task<IReadOnlyList<int>> GetAppendedAsync() => Task.FromResult<IReadOnlyList<int>>([.. appended]);

    public Task<int> GetMaxConcurrencyAsync() => Task.FromResult(maxConcurrency);

    public async Task ThrowAsync(Exception exception)
    {
        await Task.Yield();
        throw exception;
    }

    public Task ThrowSynchronously(Exception exception) => throw exception;

    public Task<string> CallSelfAsync() => GrainFactory.GetGrain<IProbeGrain>(GetPrimaryKeyString()).PingAsync();

    public Task<string> CallThroughAsync(string otherKey, string backKey) =>
        otherKey.Length == 0 ? PingAsync() : GrainFactory.GetGrain<IProbeGrain>(otherKey).CallThroughAsync(backKey, "");

    public Task<string> PingAsync() => Task.FromResult("pong from " + GetPrimaryKeyString());

    private void Enter()
    {
        var now = Interlocked.Increment(ref running);
        InterlockedMax(ref maxConcurrency, now);
    }

    private void Exit() => Interlocked.Decrement(ref running);

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
