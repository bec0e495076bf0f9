using System.Text.Json;
using System.Text.Json.Serialization;
using MasteryEngine.Gateway.Infrastructure;
using MasteryEngine.Grains.Serialization;

namespace MasteryEngine.Gateway.Extensions;

public static class GatewayJsonExtensions
{
    /// <summary>
    /// snake_case JSON from the source-generated contexts, and request-reading failures thrown (then answered
    /// as problems by <see cref="BadRequestExceptionHandler"/>) rather than turned into bare 400s.
    /// </summary>
    public static IServiceCollection AddGatewayJson(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options =>
        {
            // The web defaults read numbers from strings ("0.5"); the API's rule is that a wrong type is a 400.
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, GatewayJsonContext.Default);
            options.SerializerOptions.TypeInfoResolverChain.Insert(1, MasteryJsonContext.Default);
        });
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }
}
