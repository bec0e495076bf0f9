namespace MasteryEngine.ReviewAgent.Options;

/// <summary>
/// How bearer tokens are validated and how the service token for the Mastery Engine is signed (section <c>Jwt</c>;
/// <c>JWT_SECRET</c> overrides the secret). The same secret as the gateway's, so one token works for both services.
/// </summary>
public sealed class JwtOptions
{
    public const string SectionName = "Jwt";

    /// <summary>The gateway's documented development secret: used only in Development when none is configured.</summary>
    public const string DevelopmentSecret = "mastery-engine-development-secret-not-for-production";

    /// <summary>HS256 needs a key of at least 256 bits.</summary>
    public const int MinimumSecretBytes = 32;

    public string Secret { get; set; } = "";

    public string? Issuer { get; set; }

    public string? Audience { get; set; }

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}
