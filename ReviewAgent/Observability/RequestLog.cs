namespace MasteryEngine.ReviewAgent.Observability;

/// <summary>
/// One log line per request: method, endpoint, student id (when a handler named one), status and duration. Headers
/// and bodies are never logged, so neither tokens nor student code leak from here. Probes and scrapes log at Debug.
/// </summary>
internal sealed partial class RequestLog(RequestDelegate next, ILogger<RequestLog> logger, TimeProvider time)
{
    public const string StudentIdItemKey = "review.student_id";

    public async Task InvokeAsync(HttpContext context)
    {
        var started = time.GetTimestamp();
        var statusCode = StatusCodes.Status500InternalServerError;
        try
        {
            await next(context);
            statusCode = context.Response.StatusCode;
        }
        finally
        {
            var path = context.Request.Path.Value ?? "/";
            var level = statusCode >= 500 ? LogLevel.Error : path is "/health" or "/ready" or "/metrics" ? LogLevel.Debug : LogLevel.Information;
            if (logger.IsEnabled(level))
            {
                var durationMs = Math.Round(time.GetElapsedTime(started).TotalMilliseconds, 2);
                var studentId = context.Items.TryGetValue(StudentIdItemKey, out var item) ? item as string : null;
                Log(logger, level, context.Request.Method, path, studentId ?? "-", durationMs, statusCode);
            }
        }
    }

    [LoggerMessage(EventId = 1, EventName = "RequestCompleted", Message = "{method} {endpoint} for student {student_id} answered {status_code} in {duration_ms} ms")]
    private static partial void Log(ILogger logger, LogLevel level, string method, string endpoint, string student_id, double duration_ms, int status_code);
}
