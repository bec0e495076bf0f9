namespace MasteryEngine.Runtime.Storage;

/// <summary>
/// The stored ETag did not match the one the write carried: another writer got there first.
/// When it escapes a grain method the runtime drops that activation, so the next call reloads fresh state.
/// </summary>
public sealed class InconsistentStateException : Exception
{
    public InconsistentStateException(string message, string? storedEtag, string? currentEtag)
        : base(message)
    {
        StoredEtag = storedEtag;
        CurrentEtag = currentEtag;
    }

    public InconsistentStateException() : this("The stored state changed since it was read.", null, null) { }

    public InconsistentStateException(string message) : this(message, null, null) { }

    public InconsistentStateException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>The ETag found in storage (null when no record exists).</summary>
    public string? StoredEtag { get; }

    /// <summary>The ETag the caller carried.</summary>
    public string? CurrentEtag { get; }
}
