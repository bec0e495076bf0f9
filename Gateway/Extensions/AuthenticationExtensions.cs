using MasteryEngine.Gateway.Security;

namespace MasteryEngine.Gateway.Extensions;

public static class AuthenticationExtensions
{
    /// <summary>
    /// The solution's JWT bearer tokens (<see cref="JwtServiceCollectionExtensions.AddMasteryJwtBearer"/>), whose own claim
    /// names are what <see cref="CallerIdentity"/> reads, and the gateway's policies.
    /// </summary>
    public static IServiceCollection AddGatewayAuthentication(this IServiceCollection services)
    {
        services.AddMasteryJwtBearer();
        services.AddAuthorizationBuilder()
            .AddPolicy(AuthorizationPolicies.Authenticated, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(AuthorizationPolicies.Admin, policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context => CallerIdentity.From(context.User).IsAdmin));
        services.AddSingleton<StudentAccess>();
        return services;
    }
}
