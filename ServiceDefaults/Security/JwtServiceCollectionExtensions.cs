using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace MasteryEngine.ServiceDefaults.Security;

public static class JwtServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="JwtOptions"/> from the <c>Jwt</c> section, <c>JWT_SECRET</c> overriding the secret, and validates
    /// them at start-up. Without a secret, Development gets the public development secret where
    /// <paramref name="developmentSecretAllowed"/> says this host may use it.
    /// </summary>
    public static IServiceCollection AddMasteryJwtOptions(
        this IServiceCollection services, IConfiguration configuration, Func<IConfiguration, bool> developmentSecretAllowed)
    {
        services.AddOptions<JwtOptions>()
            .Bind(configuration.GetSection(JwtOptions.SectionName))
            .Configure<IHostEnvironment>((options, environment) =>
            {
                options.Secret = configuration["JWT_SECRET"] is { Length: > 0 } secret ? secret : options.Secret;
                if (environment.IsDevelopment() && string.IsNullOrWhiteSpace(options.Secret) && developmentSecretAllowed(configuration))
                {
                    options.Secret = JwtOptions.DevelopmentSecret;
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<JwtOptions>, JwtOptionsValidator>();
        return services;
    }

    /// <summary>
    /// JWT bearer tokens signed HS256 with <c>JWT_SECRET</c>, lifetime checked. Inbound claim mapping is off so the
    /// token's own names (<c>sub</c>, <c>roles</c>, <c>cohorts</c>) are what the services read; a token that names no
    /// user is refused; why a token was refused is kept for the 401's detail (<see cref="BearerTokenFailure"/>).
    /// </summary>
    public static AuthenticationBuilder AddMasteryJwtBearer(this IServiceCollection services)
    {
        var authentication = services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>>((bearer, jwt) => Configure(bearer, jwt.Value));
        return authentication;
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
            NameClaimType = MasteryClaimTypes.Subject,
            RoleClaimType = MasteryClaimTypes.Roles,
        };
        bearer.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                if (TokenClaims.UserIdOf(context.Principal!) is null)
                {
                    context.Fail(BearerTokenFailure.NoUser);
                }

                return Task.CompletedTask;
            },
            OnChallenge = context =>
            {
                if (context.AuthenticateFailure is { } failure)
                {
                    BearerTokenFailure.Keep(context.HttpContext, failure switch
                    {
                        SecurityTokenExpiredException => "The bearer token has expired; get a new one.",
                        { Message: BearerTokenFailure.NoUser } => BearerTokenFailure.NoUser,
                        _ => "The bearer token is invalid: it is malformed, not signed HS256 with this service's JWT_SECRET, " +
                             "not yet valid, or for another issuer or audience.",
                    });
                }

                return Task.CompletedTask;
            },
        };
    }
}
