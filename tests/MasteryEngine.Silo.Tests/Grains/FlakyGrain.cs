using MasteryEngine.Runtime;
using MasteryEngine.Runtime.Storage;

namespace MasteryEngine.Silo.Tests.Grains;

public interface IFlakyGrain : IGrainWithStringKey
{
    Task<string> PingAsync();
}

public sealed class FlakyState
{
    public string Note { get; set; } = "";
}

/// <summary>Fails its activation at the step <see cref="ActivationFaults"/> plans: "constructor", "read" (storage) or "activate".</summary>
public sealed class FlakyGrain : Grain, IFlakyGrain
{
    private readonly ActivationFaults faults;

    public FlakyGrain([PersistentState("flaky", "faulty")] IPersistentState<FlakyState> state, ActivationFaults faults)
    {
        ArgumentNullException.ThrowIfNull(state);
        this.faults = faults;
        faults.ThrowIfPlanned(GetPrimaryKeyString(), "constructor");
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Yield so that callers arriving meanwhile queue behind the activation.
        await Task.Delay(20, cancellationToken);
        faults.ThrowIfPlanned(GetPrimaryKeyString(), "activate");
    }

    public Task<string> PingAsync() => Task.FromResult("pong");
}
