namespace MasteryEngine.Gateway.Options;

/// <summary>Per-client request limit (section <c>RateLimiting</c>; <c>RATE_LIMIT_ENABLED</c> switches it).</summary>
public sealed class GatewayRateLimitOptions
{
    public const string SectionName = "RateLimiting";

    public bool Enabled { get; set; } = true;

    /// <summary>Requests a client may make per window (the seeds: 50 per minute).</summary>
    public int PermitLimit { get; set; } = 50;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// <c>RATE_LIMIT_EXEMPT_PATHS</c> (comma separated): paths never limited. None by default: probes and scrapes
    /// stay far below the limit (docs/runbooks.md), and an operator who routes more through them can exempt them.
    /// </summary>
    public List<string> ExemptPaths { get; set; } = [];

    /// <summary>
    /// <c>MAX_CONCURRENT_REQUESTS</c> (the seeds' "Performance" setting): requests this pod handles at once; the
    /// next ones wait, oldest first, up to <see cref="MaxQueuedRequests"/>, and beyond that are refused with a 503.
    /// Unset: no bound. Probes and scrapes are never held (a liveness probe stuck in the queue would restart a
    /// pod that is merely busy).
    /// </summary>
    public int? MaxConcurrentRequests { get; set; }

    public int MaxQueuedRequests { get; set; } = 1000;
}
