using Microsoft.Extensions.Options;

namespace MasteryEngine.Silo.Redis;

/// <summary>Start-up validation: each message names the setting (and its environment variable) to fix.</summary>
public sealed class RedisOptionsValidator : IValidateOptions<RedisOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisOptions options)
    {
        var failures = new List<string>();
        if (!options.TryGetEndpoint(out _, out _))
        {
            failures.Add($"REDIS_HOST '{options.Host}' is not host:port or a host alone for port 6379 (e.g. redis:6379).");
        }

        if (!string.IsNullOrEmpty(options.User) && string.IsNullOrEmpty(options.Password))
        {
            failures.Add("REDIS_USER is set without REDIS_PASSWORD; an ACL user needs its password.");
        }

        if (!string.IsNullOrEmpty(options.TlsCaFile) && !File.Exists(options.TlsCaFile))
        {
            failures.Add($"REDIS_TLS_CA_FILE '{options.TlsCaFile}' does not exist.");
        }

        if (options.Database is < 0 or > 15)
        {
            failures.Add($"REDIS_DATABASE {options.Database} is outside 0..15.");
        }

        if (options.PoolSize is < 1 or > 64)
        {
            failures.Add($"Redis PoolSize {options.PoolSize} is outside 1..64.");
        }

        if (options.MaxInFlightPerConnection < 1)
        {
            failures.Add("Redis MaxInFlightPerConnection must be at least 1.");
        }

        if (options.ConnectTimeout <= TimeSpan.Zero || options.CommandTimeout <= TimeSpan.Zero)
        {
            failures.Add("Redis ConnectTimeout and CommandTimeout must be positive.");
        }

        if (options.ReconnectMinDelay <= TimeSpan.Zero || options.ReconnectMaxDelay < options.ReconnectMinDelay)
        {
            failures.Add("Redis ReconnectMinDelay must be positive and at most ReconnectMaxDelay.");
        }

        if (options.RetentionDays < 1)
        {
            failures.Add($"GDPR_RETENTION_DAYS {options.RetentionDays} must be at least 1.");
        }

        foreach (var (grainType, retention) in options.RetentionByGrainType)
        {
            if (retention < TimeSpan.FromSeconds(1))
            {
                failures.Add($"Redis retention for grain type '{grainType}' must be at least one second.");
            }
        }

        if (options.KeyPrefix.Contains('{', StringComparison.Ordinal) || options.KeyPrefix.Contains('}', StringComparison.Ordinal))
        {
            failures.Add("REDIS_KEY_PREFIX must not contain '{' or '}': they would change the keys' hash tag.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
