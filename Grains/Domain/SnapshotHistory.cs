namespace MasteryEngine.Grains.Domain;

/// <summary>
/// One snapshot per day, sorted by day, kept for the retention period: a snapshot is retained while
/// today − day &lt; retention days (with 90, today and the 89 days before it).
/// </summary>
public static class SnapshotHistory
{
    /// <summary>Returns a new history with <paramref name="snapshot"/> replacing any of its day, pruned as of that day.</summary>
    public static DailySnapshot[] Record(DailySnapshot[] history, DailySnapshot snapshot, int retentionDays)
    {
        var kept = Retained(history, snapshot.Day, retentionDays).Where(s => s.Day != snapshot.Day).Append(snapshot);
        return [.. kept.OrderBy(s => s.Day)];
    }

    public static IEnumerable<DailySnapshot> Retained(IEnumerable<DailySnapshot> history, int today, int retentionDays) =>
        history.Where(s => today - s.Day < retentionDays);

    /// <summary>Snapshots of the last <paramref name="days"/> days, today included.</summary>
    public static IEnumerable<DailySnapshot> LastDays(IEnumerable<DailySnapshot> history, int today, int days) =>
        history.Where(s => s.Day <= today && today - s.Day < days);
}
