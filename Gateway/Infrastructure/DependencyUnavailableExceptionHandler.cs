using System.Globalization;
using MasteryEngine.Gateway.Options;
using MasteryEngine.Runtime.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Gateway.Infrastructure;

/// <summary>Storage that cannot be reached is a 503 with <c>Retry-After</c>: nothing was written, the caller may retry.</summary>
internal sealed class DependencyUnavailableExceptionHandler(IProblemDetailsService problems, IOptions<GatewayOptions> options) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not StorageUnavailableException)
        {
            return false;
        }

        var retryAfter = options.Value.UnavailableRetryAfterSeconds;
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service Unavailable",
                Detail = $"State storage is unavailable; nothing was changed. Retry after {retryAfter} seconds.",
            },
        });
    }
}
