using Microsoft.Extensions.Options;

namespace MasteryEngine.Silo.Redis;

/// <summary>Start-up validation: each message names the setting (and its environment variable) to fix.</summary>
public sealed class RedisOptionsValidator : IValidateOptions<RedisOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisOptions options)
    {
        var failures = new List<string>();
        if (!options.TryGetEndpoints(out _))
        {
            failures.Add($"REDIS_HOST '{options.Host}' is not host:port[,host:port...] (e.g. redis:6379).");
        }

        if (!string.IsNullOrEmpty(options.User) && string.IsNullOrEmpty(options.Password))
        {
            failures.Add("REDIS_USER is set without REDIS_PASSWORD; an ACL user needs its password.");
        }

        if (!string.IsNullOrEmpty(options.TlsCaFile) && !File.Exists(options.TlsCaFile))
        {
            failures.Add($"REDIS_TLS_CA_FILE '{options.TlsCaFile}' does not exist.");
        }

        if (!string.IsNullOrEmpty(options.TlsCaFile) && !options.Tls)
        {
            failures.Add("REDIS_TLS_CA_FILE is set but REDIS_TLS is not true.");
        }

        if (options.Database is < 0 or > 15)
        {
            failures.Add($"REDIS_DATABASE {options.Database} is outside 0..15.");
        }

        if (options.ConnectTimeout <= TimeSpan.Zero || options.CommandTimeout <= TimeSpan.Zero)
        {
            failures.Add("Redis ConnectTimeout and CommandTimeout must be positive.");
        }

        if (options.KeyPrefix.Contains('{', StringComparison.Ordinal) || options.KeyPrefix.Contains('}', StringComparison.Ordinal))
        {
            failures.Add("REDIS_KEY_PREFIX must not contain '{' or '}': they would change the keys' hash tag.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
