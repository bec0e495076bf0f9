using MasteryEngine.Gateway.Infrastructure;

namespace MasteryEngine.Gateway.Extensions;

public static class RequestCharsetExtensions
{
    /// <summary>A body declared in another charset than UTF-8 is a 415 problem; a UTF-8 one is read whatever the spelling.</summary>
    public static WebApplication UseUtf8RequestBodies(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.Request.ContentType is not { } contentType || RequestCharset.Normalize(contentType) is not { } normalized)
            {
                return next(context);
            }

            if (normalized.Length == 0)
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status415UnsupportedMediaType,
                    title: "Unsupported Media Type",
                    detail: RequestCharset.UnsupportedDetail)
                    .ExecuteAsync(context);
            }

            context.Request.ContentType = normalized;
            return next(context);
        });
        return app;
    }
}
