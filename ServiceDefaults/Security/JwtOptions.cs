namespace MasteryEngine.ServiceDefaults.Security;

/// <summary>
/// How bearer tokens are validated (section <c>Jwt</c>; <c>JWT_SECRET</c> overrides the secret). Every service of the
/// solution has the same secret, so one token works for all of them.
/// </summary>
public sealed class JwtOptions
{
    public const string SectionName = "Jwt";

    /// <summary>
    /// Used only in Development when no secret is configured, so that <c>dotnet run</c> works out of the box.
    /// It is public (it is in the README), which is why any other environment refuses to start without a real one.
    /// </summary>
    public const string DevelopmentSecret = "mastery-engine-development-secret-not-for-production";

    /// <summary>HS256 needs a key of at least 256 bits.</summary>
    public const int MinimumSecretBytes = 32;

    public string Secret { get; set; } = "";

    /// <summary>When set, tokens must carry this <c>iss</c>.</summary>
    public string? Issuer { get; set; }

    /// <summary>When set, tokens must carry this <c>aud</c>.</summary>
    public string? Audience { get; set; }

    /// <summary>Tolerated clock difference between the token issuer and this service.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}
