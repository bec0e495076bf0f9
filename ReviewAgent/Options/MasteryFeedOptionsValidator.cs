using Microsoft.Extensions.Options;

namespace MasteryEngine.ReviewAgent.Options;

internal sealed class MasteryFeedOptionsValidator : IValidateOptions<MasteryFeedOptions>
{
    public ValidateOptionsResult Validate(string? name, MasteryFeedOptions options)
    {
        var failures = new List<string>();
        if (options.Enabled && !(Uri.TryCreate(options.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
        {
            failures.Add("MASTERY_ENGINE_URL must be an absolute http(s) URL, e.g. http://mastery-engine:8005.");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceSubject))
        {
            failures.Add("MasteryEngine:ServiceSubject must not be empty.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add("MasteryEngine:RequestTimeout must be positive.");
        }

        if (options.Attempts is < 1 or > 10)
        {
            failures.Add("MasteryEngine:Attempts must be between 1 and 10.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
