using MasteryEngine.Runtime;
using MasteryEngine.Runtime.Storage;

namespace MasteryEngine.Silo.Tests.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync();

    Task<int> GetAsync();

    Task<Guid> GetActivationIdAsync();

    Task<string> GetValueSeenOnActivationAsync();

    Task DeactivateOnIdleAsync();
}

public sealed class CounterState
{
    public int Value { get; set; }
}

/// <summary>Persistent counter; logs its lifecycle and what state it saw when OnActivateAsync ran.</summary>
[GrainType("counter")]
public sealed class CounterGrain(
    [PersistentState("counter")] IPersistentState<CounterState> counter,
    GrainLifecycleLog log) : Grain, ICounterGrain
{
    private readonly Guid activationId = Guid.NewGuid();
    private string valueSeenOnActivation = "not activated";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        valueSeenOnActivation = counter.RecordExists ? counter.State.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "no record";
        log.Record(GetPrimaryKeyString(), "activate");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        log.Record(GetPrimaryKeyString(), $"deactivate:{reason}");
        return Task.CompletedTask;
    }

    public async Task<int> IncrementAsync()
    {
        counter.State.Value++;
        await counter.WriteStateAsync();
        return counter.State.Value;
    }

    public Task<int> GetAsync() => Task.FromResult(counter.State.Value);

    public Task<Guid> GetActivationIdAsync() => Task.FromResult(activationId);

    public Task<string> GetValueSeenOnActivationAsync() => Task.FromResult(valueSeenOnActivation);

    public Task DeactivateOnIdleAsync()
    {
        DeactivateOnIdle();
        log.Record(GetPrimaryKeyString(), "deactivate-on-idle requested");
        return Task.CompletedTask;
    }
}
