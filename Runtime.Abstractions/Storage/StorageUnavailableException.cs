namespace MasteryEngine.Runtime.Storage;

/// <summary>The storage backend could not be reached: nothing was written, and the caller may retry later.</summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException() : this("Storage is unavailable.") { }

    public StorageUnavailableException(string message) : base(message) { }

    public StorageUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}
