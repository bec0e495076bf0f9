using Microsoft.Extensions.Options;

namespace MasteryEngine.ReviewAgent.Options;

internal sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var failures = new List<string>();
        if (options.PermitLimit < 1)
        {
            failures.Add("RateLimiting:PermitLimit must be at least 1.");
        }

        if (options.Window <= TimeSpan.Zero)
        {
            failures.Add("RateLimiting:Window must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
