namespace MasteryEngine.Grains.Domain;

/// <summary>
/// The applied event ids of one student, oldest first, each remembered for the idempotency window (days) from
/// the day it was applied and then forgotten, so the log is bounded by time, not by a count. The window is a
/// promise only if an event older than it is refused (<see cref="IsStale"/>): its id may already be forgotten,
/// and applying it could apply it twice. An event inside the window was applied, if at all, no earlier than its
/// own day, so its id is still remembered.
/// </summary>
public static class AppliedEventLog
{
    /// <summary>The entry of an applied id, or null when it was not applied within the window.</summary>
    public static AppliedEvent? Find(AppliedEvent[] log, ulong fingerprint)
    {
        foreach (var applied in log)
        {
            if (applied.Fingerprint == fingerprint)
            {
                return applied;
            }
        }

        return null;
    }

    public static bool Contains(AppliedEvent[] log, ulong fingerprint) => Find(log, fingerprint) is not null;

    public static AppliedEvent[] Add(AppliedEvent[] log, ulong fingerprint, int today, int windowDays) =>
        [.. Retained(log, today, windowDays), new AppliedEvent(fingerprint, today)];

    public static IEnumerable<AppliedEvent> Retained(IEnumerable<AppliedEvent> log, int today, int windowDays) =>
        log.Where(e => today - e.Day < windowDays);

    /// <summary>An event whose day is as old as the window or older: whether it was applied can no longer be known.</summary>
    public static bool IsStale(int eventDay, int today, int windowDays) => today - eventDay >= windowDays;
}
