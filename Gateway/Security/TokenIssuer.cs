using System.Text;
using MasteryEngine.Gateway.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MasteryEngine.Gateway.Security;

/// <summary>Signs HS256 tokens with the configured secret, in the claim shape the gateway reads.</summary>
public sealed class TokenIssuer(JwtOptions options, TimeProvider time)
{
    public string Issue(string subject, IReadOnlyList<string> roles, IReadOnlyList<string> cohorts, TimeSpan lifetime)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            [MasteryClaimTypes.Subject] = subject,
            [MasteryClaimTypes.Roles] = roles.ToArray(),
        };
        if (cohorts.Count > 0)
        {
            claims[MasteryClaimTypes.Cohorts] = cohorts.ToArray();
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Issuer = options.Issuer,
            Audience = options.Audience,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.Secret)), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
