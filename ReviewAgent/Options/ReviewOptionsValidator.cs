using Microsoft.Extensions.Options;

namespace MasteryEngine.ReviewAgent.Options;

internal sealed class ReviewOptionsValidator : IValidateOptions<ReviewOptions>
{
    public ValidateOptionsResult Validate(string? name, ReviewOptions options)
    {
        var failures = new List<string>();
        if (options.MaxCodeBytes is < 1 or > 1024 * 1024)
        {
            failures.Add("Review:MaxCodeBytes must be between 1 and 1048576.");
        }

        if (options.MaxRequestBodyBytes < options.MaxCodeBytes + 1024)
        {
            failures.Add("MAX_REQUEST_BODY_BYTES (Review:MaxRequestBodyBytes) must leave room for Review:MaxCodeBytes of code plus 1 KiB.");
        }

        if (options.MaxCodeLines < 1)
        {
            failures.Add("Review:MaxCodeLines must be at least 1.");
        }

        if (options.MaxFindings < 0 || options.MaxSuggestions < 0)
        {
            failures.Add("Review:MaxFindings and Review:MaxSuggestions must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
