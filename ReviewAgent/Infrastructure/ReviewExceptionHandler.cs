using System.Globalization;
using System.Text.Json;
using MasteryEngine.ReviewAgent.Analysis;
using MasteryEngine.ReviewAgent.Options;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace MasteryEngine.ReviewAgent.Infrastructure;

/// <summary>
/// What may go wrong with a request becomes a problem answer instead of a 500: an unreadable body (400, 413, 415),
/// code the sandbox could not analyse within its limits (422, with a <c>reason</c>), or no analyser slot (503).
/// </summary>
internal sealed class ReviewExceptionHandler(IProblemDetailsService problems, IOptions<ReviewOptions> options, IOptions<SandboxOptions> sandbox) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, reason) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (413, "Payload Too Large", $"The request body is larger than the limit of {options.Value.MaxRequestBodyBytes} bytes (MAX_REQUEST_BODY_BYTES).", null),
            BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } =>
                (415, "Unsupported Media Type", "Send the body as JSON with the header 'Content-Type: application/json'.", null),
            BadHttpRequestException { InnerException: JsonException json } =>
                (400, "The request is invalid.", $"The request body is not valid JSON or holds a value of the wrong type{Where(json)}.", null),
            BadHttpRequestException bad => (bad.StatusCode, "The request is invalid.", "A JSON request body is required: {student_id, student_code, problem_context}.", null),
            AnalysisFailedException failed => (422, "The code could not be assessed.", failed.Message, failed.Reason),
            AnalysisBusyException busy => (503, "Service Unavailable", busy.Message + " Retry later.", "busy"),
            _ => (0, "", "", (string?)null),
        };
        if (status == 0)
        {
            return false;
        }

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)sandbox.Value.Timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        httpContext.Response.StatusCode = status;
        var context = new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        };
        if (reason is not null)
        {
            context.ProblemDetails.Extensions["reason"] = reason;
        }

        return await problems.TryWriteAsync(context);
    }

    private static string Where(JsonException json) => string.IsNullOrEmpty(json.Path) ? "" : $" at {json.Path}";
}
