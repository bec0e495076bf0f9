using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Silo.Hosting;

/// <summary>
/// Reads <see cref="MasterySiloOptions"/> when the silo is being built (Orleans needs the ports and limits then,
/// before any options are resolved): the <c>Silo</c> section, overridden by the operator's variables, validated
/// with one line per problem.
/// </summary>
public static class MasterySiloSettings
{
    public const string ResponseTimeoutVariable = "GRAIN_RESPONSE_TIMEOUT";
    public const string CollectionAgeVariable = "GRAIN_COLLECTION_AGE";
    public const string MemorySheddingVariable = "GRAIN_MEMORY_SHEDDING";
    public const string MemoryLimitVariable = "GRAIN_MEMORY_LIMIT_PERCENT";
    public const string MemoryTargetVariable = "GRAIN_MEMORY_TARGET_PERCENT";
    public const string SiloPortVariable = "ORLEANS_SILO_PORT";
    public const string GatewayPortVariable = "ORLEANS_GATEWAY_PORT";

    public static MasterySiloOptions From(IConfiguration configuration)
    {
        var options = new MasterySiloOptions();
        configuration.GetSection(MasterySiloOptions.SectionName).Bind(options);
        var errors = new List<string>();
        Apply(configuration, ResponseTimeoutVariable, errors, value => options.ResponseTimeout = ParseDuration(ResponseTimeoutVariable, value));
        Apply(configuration, CollectionAgeVariable, errors, value => options.CollectionAge = ParseDuration(CollectionAgeVariable, value));
        Apply(configuration, MemorySheddingVariable, errors, value => options.ActivationSheddingOnMemoryPressure = ParseBool(MemorySheddingVariable, value));
        Apply(configuration, MemoryLimitVariable, errors, value => options.MemoryUsageLimitPercentage = ParseInt(MemoryLimitVariable, value));
        Apply(configuration, MemoryTargetVariable, errors, value => options.MemoryUsageTargetPercentage = ParseInt(MemoryTargetVariable, value));
        Apply(configuration, SiloPortVariable, errors, value => options.SiloPort = ParseInt(SiloPortVariable, value));
        Apply(configuration, GatewayPortVariable, errors, value => options.GatewayPort = ParseInt(GatewayPortVariable, value));
        errors.AddRange(Validate(options));
        return errors.Count == 0
            ? options
            : throw new OptionsValidationException(MasterySiloOptions.SectionName, typeof(MasterySiloOptions), errors);
    }

    public static IEnumerable<string> Validate(MasterySiloOptions options)
    {
        if (options.ResponseTimeout <= TimeSpan.Zero)
        {
            yield return $"{ResponseTimeoutVariable} (Silo:ResponseTimeout) must be positive, e.g. 00:00:05.";
        }

        if (options.CollectionAge < TimeSpan.FromMinutes(1))
        {
            yield return $"{CollectionAgeVariable} (Silo:CollectionAge) must be at least one minute (Orleans collects idle grains once a minute).";
        }

        if (options.MemoryUsageLimitPercentage is < 1 or > 100 || options.MemoryUsageTargetPercentage is < 1 or > 100
            || options.MemoryUsageTargetPercentage >= options.MemoryUsageLimitPercentage)
        {
            yield return $"{MemoryTargetVariable} must be below {MemoryLimitVariable}, both percentages in 1..100.";
        }

        foreach (var (variable, port) in new[] { (SiloPortVariable, options.SiloPort), (GatewayPortVariable, options.GatewayPort) })
        {
            if (port is < 1 or > 65535)
            {
                yield return $"{variable} must be a TCP port in 1..65535 (was {port}).";
            }
        }

        if (options.SiloPort == options.GatewayPort)
        {
            yield return $"{SiloPortVariable} and {GatewayPortVariable} must differ.";
        }
    }

    private static void Apply(IConfiguration configuration, string variable, List<string> errors, Action<string> apply)
    {
        if (configuration[variable] is not { Length: > 0 } value)
        {
            return;
        }

        try
        {
            apply(value.Trim());
        }
        catch (FormatException exception)
        {
            errors.Add(exception.Message);
        }
    }

    /// <summary>A duration as <c>hh:mm:ss</c>, or a number with a unit: <c>500ms</c>, <c>5s</c>, <c>15m</c>, <c>2h</c>.</summary>
    private static TimeSpan ParseDuration(string variable, string value)
    {
        if (TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var parsed) && value.Contains(':', StringComparison.Ordinal))
        {
            return parsed;
        }

        var (number, unit) = value.EndsWith("ms", StringComparison.Ordinal) ? (value[..^2], "ms") : (value[..^1], value[^1..]);
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && double.IsFinite(amount))
        {
            switch (unit)
            {
                case "ms": return TimeSpan.FromMilliseconds(amount);
                case "s": return TimeSpan.FromSeconds(amount);
                case "m": return TimeSpan.FromMinutes(amount);
                case "h": return TimeSpan.FromHours(amount);
            }
        }

        throw new FormatException($"{variable}='{value}' is not a duration (use hh:mm:ss, or a number with ms, s, m or h).");
    }

    private static int ParseInt(string variable, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new FormatException($"{variable}='{value}' is not a whole number.");

    private static bool ParseBool(string variable, string value) =>
        bool.TryParse(value, out var parsed) ? parsed : throw new FormatException($"{variable}='{value}' is not true or false.");
}
