using System.Text.RegularExpressions;

namespace MasteryEngine.Gateway.Observability;

/// <summary>
/// Last line of defence against secrets in logs: fields named like credentials are masked whatever their value,
/// and bearer tokens or JWTs inside any text are replaced.
/// </summary>
internal static partial class LogRedaction
{
    public const string Mask = "[REDACTED]";

    public static bool IsSensitiveField(string name) =>
        name.Contains("authorization", StringComparison.OrdinalIgnoreCase)
        || name.Contains("token", StringComparison.OrdinalIgnoreCase)
        || name.Contains("secret", StringComparison.OrdinalIgnoreCase)
        || name.Contains("password", StringComparison.OrdinalIgnoreCase)
        || name.Contains("api_key", StringComparison.OrdinalIgnoreCase)
        || name.Contains("apikey", StringComparison.OrdinalIgnoreCase);

    public static string Redact(string text) =>
        text.Contains("Bearer", StringComparison.OrdinalIgnoreCase) || text.Contains("eyJ", StringComparison.Ordinal)
            ? JwtPattern().Replace(BearerPattern().Replace(text, "Bearer " + Mask), Mask)
            : text;

    [GeneratedRegex(@"Bearer\s+[A-Za-z0-9\-._~+/]+=*", RegexOptions.IgnoreCase)]
    private static partial Regex BearerPattern();

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")]
    private static partial Regex JwtPattern();
}
