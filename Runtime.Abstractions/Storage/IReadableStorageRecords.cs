namespace MasteryEngine.Runtime.Storage;

/// <summary>
/// Optional, for grain state that operators should be able to read piecewise in the storage itself (the seeds'
/// runbooks inspect <c>student:{student_12345}:mastery:2026-11-22</c> with redis-cli). A provider that supports
/// it stores each record beside the state, in the same atomic write, with the same retention, and deletes them
/// all on clear; providers without such keys ignore it. Records are copies for reading: the state stays the
/// source of truth and is always read back whole.
/// </summary>
public interface IReadableStorageRecords
{
    /// <summary>
    /// The records this write stores, typically only the latest one (today's snapshot, named
    /// <c>mastery:2026-11-22</c>): records stored by earlier writes stay until they expire or the grain is cleared.
    /// </summary>
    IReadOnlyList<ReadableStorageRecord> GetRecordsToStore();
}
