namespace MasteryEngine.Silo.Storage;

/// <summary>The runtime's view of a grain's persistent state: what it reads before <c>OnActivateAsync</c>.</summary>
internal interface IPersistentStateLoader
{
    Task ReadStateAsync(CancellationToken cancellationToken = default);
}
