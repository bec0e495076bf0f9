using Orleans;

namespace MasteryEngine.Silo.Storage;

/// <summary>
/// The storage backend could not be reached: nothing was written, and the caller may retry later. Thrown inside
/// a grain's write, so it crosses grain calls (and silos) and carries its message with it.
/// </summary>
[GenerateSerializer, Alias("mastery.storage-unavailable")]
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException() : this("Storage is unavailable.") { }

    public StorageUnavailableException(string message) : base(message) { }

    public StorageUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}
