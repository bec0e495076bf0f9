using System.Text;
using MasteryEngine.ReviewAgent.Options;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MasteryEngine.ReviewAgent.Security;

/// <summary>
/// The Review Agent's own token for the Mastery Engine: HS256 with the shared <c>JWT_SECRET</c>, the admin role
/// (the gateway's role that may write learning events for any student), short-lived and reused until near its end.
/// </summary>
public sealed class ServiceTokenIssuer(IOptions<JwtOptions> jwt, IOptions<MasteryFeedOptions> feed, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(2);

    private readonly Lock gate = new();
    private (string Token, DateTimeOffset Expires)? current;

    public string Token()
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (current is { } token && token.Expires - now > RenewBefore)
            {
                return token.Token;
            }

            var expires = now + Lifetime;
            var options = jwt.Value;
            var issued = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Claims = new Dictionary<string, object>
                {
                    [MasteryClaimTypes.Subject] = feed.Value.ServiceSubject,
                    [MasteryClaimTypes.Roles] = new[] { ReviewRoles.Admin },
                },
                IssuedAt = now.UtcDateTime,
                NotBefore = now.UtcDateTime,
                Expires = expires.UtcDateTime,
                Issuer = options.Issuer,
                Audience = options.Audience,
                SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.Secret)), SecurityAlgorithms.HmacSha256),
            });
            current = (issued, expires);
            return issued;
        }
    }
}
