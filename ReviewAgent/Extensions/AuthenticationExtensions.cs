namespace MasteryEngine.ReviewAgent.Extensions;

public static class AuthenticationExtensions
{
    /// <summary>The gateway's JWT rules (<see cref="JwtServiceCollectionExtensions.AddMasteryJwtBearer"/>): one token works for both services.</summary>
    public static IServiceCollection AddReviewAuthentication(this IServiceCollection services)
    {
        services.AddMasteryJwtBearer();
        services.AddAuthorization();
        return services;
    }
}
