using Microsoft.Extensions.Options;

namespace MasteryEngine.Gateway.Options;

internal sealed class GatewayRateLimitOptionsValidator : IValidateOptions<GatewayRateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayRateLimitOptions options)
    {
        var failures = new List<string>();
        if (options.PermitLimit < 1)
        {
            failures.Add($"RateLimiting:PermitLimit must be at least 1; it is {options.PermitLimit}.");
        }

        if (options.Window < TimeSpan.FromSeconds(1))
        {
            failures.Add($"RateLimiting:Window must be at least 00:00:01; it is {options.Window}.");
        }

        if (options.MaxConcurrentRequests is < 1)
        {
            failures.Add("MAX_CONCURRENT_REQUESTS must be a whole number of at least 1.");
        }

        if (options.MaxQueuedRequests < 0)
        {
            failures.Add($"RateLimiting:MaxQueuedRequests must not be negative; it is {options.MaxQueuedRequests}.");
        }

        foreach (var path in options.ExemptPaths.Where(path => !path.StartsWith('/')))
        {
            failures.Add($"RATE_LIMIT_EXEMPT_PATHS must list paths starting with '/'; '{path}' does not.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
