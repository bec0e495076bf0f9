namespace MasteryEngine.Redis.SiloHost.Grains;

/// <summary>Its keys follow the service's pattern: <c>probe:{key}:state</c>.</summary>
[GrainType("probe")]
public sealed class ProbeGrain([PersistentState("mastery")] IPersistentState<ProbeState> state) : Grain, IProbeGrain
{
    private readonly string activation = Guid.NewGuid().ToString("N");

    public async Task<int> IncrementAsync()
    {
        state.State.Count++;
        state.State.Notes.Add($"increment {state.State.Count}");
        await state.WriteStateAsync();
        return state.State.Count;
    }

    public Task<int> ReadAsync() => Task.FromResult(state.State.Count);

    public Task<string> WhereAsync() => Task.FromResult($"{RuntimeIdentity}|{activation}");

    public async Task EraseAsync()
    {
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }
}
