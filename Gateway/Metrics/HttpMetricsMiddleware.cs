using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MasteryEngine.Gateway.Metrics;

/// <summary>
/// Counts and times every request. It runs before routing and reads the matched endpoint after the rest of the
/// pipeline returns, so the label is the route template (<c>/api/v1/analytics/history/{student_id}</c>).
/// </summary>
internal sealed class HttpMetricsMiddleware(RequestDelegate next, HttpMetrics metrics, TimeProvider timeProvider)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = timeProvider.GetTimestamp();
        metrics.RequestStarted();
        var statusCode = StatusCodes.Status500InternalServerError;
        try
        {
            await next(context);
            statusCode = context.Response.StatusCode;
        }
        finally
        {
            metrics.RequestFinished(context.Request.Method, RouteOf(context), statusCode, timeProvider.GetElapsedTime(started));
        }
    }

    internal static string RouteOf(HttpContext context) => RouteOf(context.GetEndpoint());

    internal static string RouteOf(Endpoint? endpoint) =>
        endpoint is RouteEndpoint { RoutePattern.RawText: { Length: > 0 } template }
            ? template[0] == '/' ? template : "/" + template
            : HttpMetrics.UnmatchedRoute;
}
