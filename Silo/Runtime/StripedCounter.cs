namespace MasteryEngine.Silo.Runtime;

/// <summary>
/// A counter incremented from many threads without contending on one cache line: each processor adds to its
/// own padded cell and readers sum them. Used for per-call counts, where a shared Interlocked counter would
/// cost more than the call itself.
/// </summary>
internal sealed class StripedCounter
{
    // 16 longs = 128 bytes apart, so two cells never share a cache line (or an adjacent-line prefetch pair).
    private const int Stride = 16;
    private readonly long[] cells = new long[Environment.ProcessorCount * Stride];

    public void Increment()
    {
        var cell = Thread.GetCurrentProcessorId() % Environment.ProcessorCount;
        Interlocked.Increment(ref cells[cell * Stride]);
    }

    public long Sum()
    {
        long total = 0;
        for (var i = 0; i < cells.Length; i += Stride)
        {
            total += Volatile.Read(ref cells[i]);
        }

        return total;
    }
}
