namespace MasteryEngine.Silo.Storage;

/// <summary>Names under which grain storage providers are registered (keyed <c>IGrainStorage</c> services).</summary>
public static class GrainStorageNames
{
    /// <summary>The provider used by <c>[PersistentState]</c> parameters that name none (Orleans' "Default").</summary>
    public const string Default = "Default";
}
