namespace MasteryEngine.Runtime.Storage;

/// <summary>
/// The persistent state a grain receives in its constructor (Orleans' <c>IPersistentState&lt;T&gt;</c>).
/// The runtime reads it before <c>OnActivateAsync</c>.
/// </summary>
public interface IPersistentState<TState> where TState : new()
{
    TState State { get; set; }

    string? Etag { get; }

    bool RecordExists { get; }

    Task ReadStateAsync(CancellationToken cancellationToken = default);

    Task WriteStateAsync(CancellationToken cancellationToken = default);

    Task ClearStateAsync(CancellationToken cancellationToken = default);
}
