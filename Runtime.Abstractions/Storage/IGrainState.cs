namespace MasteryEngine.Runtime.Storage;

/// <summary>The state of one grain as a storage provider sees it (Orleans' <c>IGrainState&lt;T&gt;</c>).</summary>
public interface IGrainState<T>
{
    T State { get; set; }

    /// <summary>Opaque version of the stored record; <c>null</c> when none was read or written.</summary>
    string? ETag { get; set; }

    bool RecordExists { get; set; }
}
