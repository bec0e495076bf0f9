using System.Text;
using MasteryEngine.ReviewAgent.Infrastructure;
using MasteryEngine.ReviewAgent.Options;
using MasteryEngine.ReviewAgent.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace MasteryEngine.ReviewAgent.Extensions;

public static class AuthenticationExtensions
{
    private const string NoUserMessage = "The bearer token names no user: it needs a 'sub' or 'user_id' claim.";

    /// <summary>The gateway's JWT rules: HS256 with <c>JWT_SECRET</c>, lifetime checked, the token's own claim names.</summary>
    public static IServiceCollection AddReviewAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>>((bearer, jwt) => Configure(bearer, jwt.Value));
        services.AddAuthorization();
        return services;
    }

    private static void Configure(JwtBearerOptions bearer, JwtOptions jwt)
    {
        bearer.MapInboundClaims = false;
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt.Secret)),
            ValidateIssuerSigningKey = true,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateIssuer = !string.IsNullOrEmpty(jwt.Issuer),
            ValidIssuer = jwt.Issuer,
            ValidateAudience = !string.IsNullOrEmpty(jwt.Audience),
            ValidAudience = jwt.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = jwt.ClockSkew,
            NameClaimType = ReviewClaimTypes.Subject,
            RoleClaimType = ReviewClaimTypes.Roles,
        };
        bearer.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                if (CallerIdentity.From(context.Principal!).UserId is null)
                {
                    context.Fail(NoUserMessage);
                }

                return Task.CompletedTask;
            },
            OnChallenge = context =>
            {
                context.HttpContext.Items[ProblemDefaults.AuthenticationFailureKey] = context.AuthenticateFailure switch
                {
                    null => ProblemDefaults.MissingToken,
                    SecurityTokenExpiredException => "The bearer token has expired; get a new one.",
                    { Message: NoUserMessage } => NoUserMessage,
                    _ => "The bearer token is invalid: it is malformed, not signed HS256 with the shared JWT_SECRET, not yet valid, or for another issuer or audience.",
                };
                return Task.CompletedTask;
            },
        };
    }
}
