namespace MasteryEngine.Grains;

/// <summary>
/// An append-only sequence of audit records in position order, the in-memory twin of a Redis stream: appending
/// and trimming the oldest records are amortised O(1), a page is found by binary search. Not thread-safe.
/// </summary>
public sealed class ComplianceAuditStream
{
    private readonly List<(ComplianceAuditPosition Position, ComplianceAuditRecord Record)> entries = [];

    /// <summary>Entries before this index are trimmed; they are removed in bulk once they are half the list.</summary>
    private int head;

    public int Count => entries.Count - head;

    /// <summary>
    /// Appends at <paramref name="milliseconds"/>, or just after the newest record when the clock is behind it,
    /// so positions only grow (as Redis assigns stream ids).
    /// </summary>
    public ComplianceAuditPosition Append(ComplianceAuditRecord record, long milliseconds)
    {
        var position = Count > 0 && entries[^1].Position.Milliseconds >= milliseconds
            ? entries[^1].Position with { Sequence = entries[^1].Position.Sequence + 1 }
            : ComplianceAuditPosition.Start(milliseconds);
        Add(position, record);
        return position;
    }

    /// <summary>Appends at a position chosen elsewhere (the main log's), which must be newer than the newest record.</summary>
    public void Add(ComplianceAuditPosition position, ComplianceAuditRecord record)
    {
        if (Count > 0 && position <= entries[^1].Position)
        {
            throw new ArgumentOutOfRangeException(nameof(position), position, "Positions in an audit stream only grow.");
        }

        entries.Add((position, record));
    }

    /// <summary>Drops the records appended before <paramref name="milliseconds"/> and returns them, oldest first.</summary>
    public List<ComplianceAuditRecord> TrimBefore(long milliseconds)
    {
        var trimmed = new List<ComplianceAuditRecord>();
        while (head < entries.Count && entries[head].Position.Milliseconds < milliseconds)
        {
            trimmed.Add(entries[head].Record);
            entries[head] = default;
            head++;
        }

        if (head > 0 && head * 2 >= entries.Count)
        {
            entries.RemoveRange(0, head);
            head = 0;
        }

        return trimmed;
    }

    /// <summary>
    /// Up to <paramref name="limit"/> records with <paramref name="from"/> ≤ position &lt; <paramref name="before"/>,
    /// newest first, and whether an older one in that range was left out.
    /// </summary>
    public (List<(ComplianceAuditPosition Position, ComplianceAuditRecord Record)> Page, bool More) Newest(
        ComplianceAuditPosition from, ComplianceAuditPosition before, int limit)
    {
        var page = new List<(ComplianceAuditPosition, ComplianceAuditRecord)>();
        var index = FirstAtOrAfter(before) - 1;
        for (; index >= head && entries[index].Position >= from && page.Count < limit; index--)
        {
            page.Add(entries[index]);
        }

        return (page, index >= head && entries[index].Position >= from);
    }

    private int FirstAtOrAfter(ComplianceAuditPosition position)
    {
        var (low, high) = (head, entries.Count);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (entries[middle].Position < position)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
