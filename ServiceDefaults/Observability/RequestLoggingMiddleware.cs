namespace MasteryEngine.ServiceDefaults.Observability;

/// <summary>
/// Writes one log line per request with the fields of the seeds' example (<c>endpoint</c>, <c>student_id</c>,
/// <c>duration_ms</c>, <c>status_code</c>; <c>correlation_id</c> comes from the scope). Headers are never logged,
/// so bearer tokens cannot leak from here. Probe and scrape endpoints log at Debug: Kubernetes and Prometheus
/// call them every few seconds and would drown the lines people read.
/// </summary>
public sealed partial class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger, TimeProvider timeProvider)
{
    private const int MaxLoggedStudentIdLength = 128;

    public async Task InvokeAsync(HttpContext context)
    {
        var started = timeProvider.GetTimestamp();
        var statusCode = StatusCodes.Status500InternalServerError;
        try
        {
            await next(context);
            statusCode = context.Response.StatusCode;
        }
        finally
        {
            var path = LoggedPath(context);
            var level = statusCode >= 500 ? LogLevel.Error : IsProbeOrScrape(path) ? LogLevel.Debug : LogLevel.Information;
            if (logger.IsEnabled(level))
            {
                var durationMs = Math.Round(timeProvider.GetElapsedTime(started).TotalMilliseconds, 2);
                if (StudentIdOf(context) is { } studentId)
                {
                    LogStudentRequest(logger, level, context.Request.Method, path, studentId, durationMs, statusCode);
                }
                else
                {
                    LogRequest(logger, level, context.Request.Method, path, durationMs, statusCode);
                }
            }
        }
    }

    /// <summary>The path, with a batch id replaced by its route parameter: a batch id lets its holder read the batch.</summary>
    private static string LoggedPath(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        return context.Request.RouteValues.TryGetValue("batch_id", out var value) && value is string { Length: > 0 } batchId
            ? path.Replace(batchId, "{batch_id}", StringComparison.Ordinal)
            : path;
    }

    private static bool IsProbeOrScrape(string path) =>
        path is "/health" or "/ready" or "/metrics" or "/metrics/detailed";

    private static string? StudentIdOf(HttpContext context)
    {
        var id = context.Items.TryGetValue(RequestLogHttpContextExtensions.StudentIdItemKey, out var item)
            ? item as string
            : context.Request.RouteValues.TryGetValue("student_id", out var routeValue) ? routeValue as string : null;
        return id is { Length: > 0 and <= MaxLoggedStudentIdLength } ? id : null;
    }

    [LoggerMessage(EventId = 1, EventName = "RequestCompleted", Message = "{method} {endpoint} answered {status_code} in {duration_ms} ms")]
    private static partial void LogRequest(ILogger logger, LogLevel level, string method, string endpoint, double duration_ms, int status_code);

    [LoggerMessage(EventId = 2, EventName = "StudentRequestCompleted", Message = "{method} {endpoint} for student {student_id} answered {status_code} in {duration_ms} ms")]
    private static partial void LogStudentRequest(ILogger logger, LogLevel level, string method, string endpoint, string student_id, double duration_ms, int status_code);
}
