namespace MasteryEngine.Silo.Kafka;

/// <summary>
/// Which offset of one partition may be committed: messages finish out of order (different students run in
/// parallel), but a commit at offset N says every message before N is done, so the committable offset is the
/// lowest unfinished one, or one past the highest dispatched when nothing is pending. Not thread-safe.
/// </summary>
internal sealed class PartitionOffsetTracker
{
    private readonly SortedSet<long> pending = [];
    private long nextAfterDispatched = -1;

    /// <summary>The offset to commit, or null when nothing was dispatched yet.</summary>
    public long? CommittableOffset => pending.Count > 0 ? pending.Min : nextAfterDispatched >= 0 ? nextAfterDispatched : null;

    public int PendingCount => pending.Count;

    public void Dispatched(long offset)
    {
        pending.Add(offset);
        nextAfterDispatched = Math.Max(nextAfterDispatched, offset + 1);
    }

    public void Completed(long offset) => pending.Remove(offset);
}
