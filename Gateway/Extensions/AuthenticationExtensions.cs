using System.Text;
using MasteryEngine.Gateway.Infrastructure;
using MasteryEngine.Gateway.Options;
using MasteryEngine.Gateway.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace MasteryEngine.Gateway.Extensions;

public static class AuthenticationExtensions
{
    /// <summary>
    /// JWT bearer tokens signed HS256 with <c>JWT_SECRET</c>. Inbound claim mapping is off so the token's own
    /// names (<c>sub</c>, <c>roles</c>, <c>cohorts</c>) are what <see cref="CallerIdentity"/> reads.
    /// </summary>
    public static IServiceCollection AddGatewayAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>>((bearer, jwt) => Configure(bearer, jwt.Value));

        services.AddAuthorizationBuilder()
            .AddPolicy(AuthorizationPolicies.Authenticated, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(AuthorizationPolicies.Admin, policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context => CallerIdentity.From(context.User).IsAdmin));
        services.AddSingleton<StudentAccess>();
        return services;
    }

    private const string NoUserMessage = "The bearer token names no user: it needs a 'sub' or 'user_id' claim.";

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
            NameClaimType = MasteryClaimTypes.Subject,
            RoleClaimType = MasteryClaimTypes.Roles,
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
                context.HttpContext.Items[ProblemDetailsDefaults.AuthenticationFailureKey] = context.AuthenticateFailure switch
                {
                    null => ProblemDetailsDefaults.MissingToken,
                    SecurityTokenExpiredException => "The bearer token has expired; get a new one.",
                    { Message: NoUserMessage } => NoUserMessage,
                    _ => "The bearer token is invalid: it is malformed, not signed HS256 with this service's JWT_SECRET, " +
                         "not yet valid, or for another issuer or audience.",
                };
                return Task.CompletedTask;
            },
        };
    }
}
