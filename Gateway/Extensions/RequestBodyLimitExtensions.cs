using MasteryEngine.Gateway.Infrastructure;
using MasteryEngine.Gateway.Options;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Gateway.Extensions;

public static class RequestBodyLimitExtensions
{
    /// <summary>
    /// Caps request bodies at <c>MAX_REQUEST_BODY_BYTES</c>: a declared length over the cap is refused before
    /// anything is read, and the server enforces the cap on bodies without a length while they are read.
    /// </summary>
    public static WebApplication UseRequestBodyLimit(this WebApplication app)
    {
        var maxBytes = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.MaxRequestBodyBytes;
        app.Use((context, next) =>
        {
            if (context.Request.ContentLength > maxBytes)
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status413PayloadTooLarge,
                    title: "Payload Too Large",
                    detail: ProblemDetailsDefaults.TooLarge(maxBytes))
                    .ExecuteAsync(context);
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = maxBytes;
            }

            return next(context);
        });
        return app;
    }
}
