using Microsoft.Extensions.Options;

namespace MasteryEngine.Gateway.Options;

internal sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    public static readonly IReadOnlyList<string> StorageProviders = ["memory", "redis"];
    public static readonly IReadOnlyList<string> StreamProviders = ["memory", "kafka"];

    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var failures = new List<string>();
        if (options.MaxRequestBodyBytes is < 1024 or > 64 * 1024 * 1024)
        {
            failures.Add($"MAX_REQUEST_BODY_BYTES must be between 1024 and {64 * 1024 * 1024}; it is {options.MaxRequestBodyBytes}.");
        }

        if (options.RetentionDays is < 1 or > 3650)
        {
            failures.Add($"GDPR_RETENTION_DAYS must be between 1 and 3650; it is {options.RetentionDays}.");
        }

        if (options.MaxBatchSize is < 1 or > 100_000)
        {
            failures.Add($"Gateway:MaxBatchSize must be between 1 and 100000; it is {options.MaxBatchSize}.");
        }

        if (options.MaxComparedCohorts < 2)
        {
            failures.Add($"Gateway:MaxComparedCohorts must be at least 2; it is {options.MaxComparedCohorts}.");
        }

        if (!StorageProviders.Contains(options.StorageProvider))
        {
            failures.Add($"STORAGE_PROVIDER must be one of {string.Join(", ", StorageProviders)}; it is '{options.StorageProvider}'.");
        }

        if (!StreamProviders.Contains(options.StreamProvider))
        {
            failures.Add($"STREAM_PROVIDER must be one of {string.Join(", ", StreamProviders)}; it is '{options.StreamProvider}'.");
        }

        if (options.UnavailableRetryAfterSeconds < 1)
        {
            failures.Add("Gateway:UnavailableRetryAfterSeconds must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
