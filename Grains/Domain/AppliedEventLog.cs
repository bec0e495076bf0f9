namespace MasteryEngine.Grains.Domain;

/// <summary>
/// The applied event ids of one student, oldest first. An id is remembered for the retention period and among
/// the <c>max</c> most recent; an event redelivered after that would be applied again, which is why the bound is
/// generous compared with any redelivery window (Kafka replays only uncommitted offsets).
/// </summary>
public static class AppliedEventLog
{
    public static bool Contains(AppliedEvent[] log, ulong fingerprint)
    {
        foreach (var applied in log)
        {
            if (applied.Fingerprint == fingerprint)
            {
                return true;
            }
        }

        return false;
    }

    public static AppliedEvent[] Add(AppliedEvent[] log, ulong fingerprint, int today, int retentionDays, int max)
    {
        var kept = Retained(log, today, retentionDays).Append(new AppliedEvent(fingerprint, today)).ToArray();
        return kept.Length <= max ? kept : kept[^max..];
    }

    public static IEnumerable<AppliedEvent> Retained(IEnumerable<AppliedEvent> log, int today, int retentionDays) =>
        log.Where(e => today - e.Day < retentionDays);
}
