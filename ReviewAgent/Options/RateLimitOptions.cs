namespace MasteryEngine.ReviewAgent.Options;

/// <summary>A fixed window per client, as the gateway's (section <c>RateLimiting</c>, <c>RATE_LIMIT_ENABLED</c>).</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimiting";

    public bool Enabled { get; set; } = true;

    public int PermitLimit { get; set; } = 50;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
