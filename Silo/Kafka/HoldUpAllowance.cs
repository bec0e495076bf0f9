namespace MasteryEngine.Silo.Kafka;

/// <summary>
/// How long one partition at its in-flight bound may keep the poll thread waiting while other partitions have
/// messages for it: a bucket that refills at half the time that passes, up to <see cref="Capacity"/>. A partition
/// that holds up consuming for more than half of the time is paused instead, so a slow partition cannot starve
/// the others, while partitions that take turns (every partition busy, as when catching up) never run out.
/// Not thread-safe: the poll thread owns it.
/// </summary>
internal sealed class HoldUpAllowance(TimeProvider timeProvider)
{
    public static readonly TimeSpan Capacity = TimeSpan.FromSeconds(1);

    private const double RefillRate = 0.5;

    private TimeSpan available = Capacity;
    private long refilledAt = timeProvider.GetTimestamp();

    /// <summary>What may be spent now.</summary>
    public TimeSpan Available
    {
        get
        {
            Refill();
            return available;
        }
    }

    public void Spend(TimeSpan waited)
    {
        Refill();
        available = waited >= available ? TimeSpan.Zero : available - waited;
    }

    private void Refill()
    {
        var now = timeProvider.GetTimestamp();
        var refill = timeProvider.GetElapsedTime(refilledAt, now) * RefillRate;
        available = available + refill >= Capacity ? Capacity : available + refill;
        refilledAt = now;
    }
}
