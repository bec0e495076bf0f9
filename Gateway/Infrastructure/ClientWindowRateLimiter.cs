using System.Threading.RateLimiting;

namespace MasteryEngine.Gateway.Infrastructure;

/// <summary>
/// One client's fixed window: <c>permitLimit</c> requests, counted from the client's first request of the window.
/// Unlike the framework's <see cref="FixedWindowRateLimiter"/>, whose refusals always advertise the whole window,
/// a refusal carries <see cref="MetadataName.RetryAfter"/> = the time until this window really ends, which is
/// what <c>Retry-After</c> must say. Requests are never queued.
/// </summary>
public sealed class ClientWindowRateLimiter(int permitLimit, TimeSpan window, TimeProvider time) : RateLimiter
{
    private static readonly RateLimitLease Granted = new WindowLease(true, null);

    private readonly Lock gate = new();
    private DateTimeOffset windowEnd = DateTimeOffset.MinValue;
    private int used;

    /// <summary>Idle once its window is over: the partitioned limiter then drops it, so idle clients cost no memory.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            var now = time.GetUtcNow();
            lock (gate)
            {
                return now >= windowEnd ? now - windowEnd : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (gate)
        {
            return new RateLimiterStatistics { CurrentAvailablePermits = time.GetUtcNow() >= windowEnd ? permitLimit : permitLimit - used };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, permitLimit);
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (now >= windowEnd)
            {
                (windowEnd, used) = (now + window, 0);
            }

            if (used + permitCount <= permitLimit)
            {
                used += permitCount;
                return Granted;
            }

            return new WindowLease(false, windowEnd - now);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private sealed class WindowLease(bool isAcquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired { get; } = isAcquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = wait;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
