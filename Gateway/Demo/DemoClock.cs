namespace MasteryEngine.Gateway.Demo;

/// <summary>
/// The system clock moved back by whole days while the demo weeks are replayed, then set back to now. Only
/// the wall clock moves: timers and timestamps for durations stay the system's.
/// </summary>
public sealed class DemoClock(TimeProvider system) : TimeProvider
{
    private long offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public override DateTimeOffset GetUtcNow() => system.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => system.LocalTimeZone;

    /// <summary>Makes <paramref name="day"/> the current UTC day, at the system clock's time of day.</summary>
    public void SetDay(DateOnly day)
    {
        var today = DateOnly.FromDateTime(system.GetUtcNow().UtcDateTime);
        Interlocked.Exchange(ref offsetTicks, TimeSpan.FromDays(day.DayNumber - today.DayNumber).Ticks);
    }
}
