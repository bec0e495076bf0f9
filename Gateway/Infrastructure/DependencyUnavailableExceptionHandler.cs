using System.Globalization;
using MasteryEngine.Gateway.Options;
using MasteryEngine.Silo.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace MasteryEngine.Gateway.Infrastructure;

/// <summary>
/// What the caller may simply retry is a 503 with <c>Retry-After</c>, and nothing of the request was stored:
/// storage that cannot be reached, a stored record that changed behind the cluster's back (a stale ETag: the
/// student's grain reloads it on the next call), a grain call that got no answer within the response timeout, and
/// one refused because the silo hosting the grain left or died (the student moves to another silo).
/// Orleans may wrap the cause, so the whole chain is searched.
/// </summary>
internal sealed class DependencyUnavailableExceptionHandler(IProblemDetailsService problems, IOptions<GatewayOptions> options) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var retryAfter = options.Value.UnavailableRetryAfterSeconds;
        var detail = Describe(exception, retryAfter);
        if (detail is null)
        {
            return false;
        }

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
                Detail = detail,
            },
        });
    }

    private static string? Describe(Exception exception, int retryAfter)
    {
        for (Exception? cause = exception; cause is not null; cause = cause.InnerException)
        {
            switch (cause)
            {
                case StorageUnavailableException:
                    return $"State storage is unavailable; nothing was changed. Retry after {retryAfter} seconds.";
                case InconsistentStateException:
                    return $"The stored state changed outside this service while the request ran; nothing was changed and the latest state is reloaded. Retry after {retryAfter} seconds.";
                case OrleansMessageRejectionException:
                    return $"The silo hosting the student left or failed while the request ran; the student answers again on another silo. The request may have been applied (repeating it is safe for ingest with the same event_id). Retry after {retryAfter} seconds.";
                case TimeoutException:
                    return $"The service did not answer in time; the request may not have been applied (repeating it is safe for ingest with the same event_id). Retry after {retryAfter} seconds.";
            }
        }

        return null;
    }
}
