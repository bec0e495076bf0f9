namespace MasteryEngine.Gateway.Options;

/// <summary>Per-client request limit (section <c>RateLimiting</c>; <c>RATE_LIMIT_ENABLED</c> switches it).</summary>
public sealed class GatewayRateLimitOptions
{
    public const string SectionName = "RateLimiting";

    public bool Enabled { get; set; } = true;

    /// <summary>Requests a client may make per window (the seeds: 50 per minute).</summary>
    public int PermitLimit { get; set; } = 50;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
