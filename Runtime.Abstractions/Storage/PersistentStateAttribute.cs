namespace MasteryEngine.Runtime.Storage;

/// <summary>
/// Marks an <see cref="IPersistentState{TState}"/> constructor parameter of a grain; the runtime supplies it,
/// bound to the named storage provider (or the default one).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    public string StateName { get; } = stateName;

    public string? StorageName { get; } = storageName;
}
