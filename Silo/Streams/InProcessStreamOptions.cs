namespace MasteryEngine.Silo.Streams;

/// <summary>Delivery settings of <see cref="InProcessStreamProvider"/>.</summary>
public sealed class InProcessStreamOptions
{
    /// <summary>Queues per stream namespace; a stream key always maps to the same one, which keeps its order.</summary>
    public int ShardCount { get; set; } = Math.Max(4, Environment.ProcessorCount * 2);

    /// <summary>Items a shard holds before publishers wait (backpressure).</summary>
    public int ShardCapacity { get; set; } = 1024;

    /// <summary>Tries per item and subscriber before the item is dead-lettered.</summary>
    public int MaxDeliveryAttempts { get; set; } = 4;

    /// <summary>Wait before the first retry; each further retry waits twice as long.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Dead letters kept for inspection; the oldest are dropped beyond this.</summary>
    public int DeadLetterCapacity { get; set; } = 10_000;
}
