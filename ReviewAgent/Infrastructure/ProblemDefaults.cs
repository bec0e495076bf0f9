using System.Diagnostics;

namespace MasteryEngine.ReviewAgent.Infrastructure;

/// <summary>
/// Every problem answer gets <c>"success": false</c>, a trace id, and a detail a person can act on when the code
/// that set the status wrote none. The request path is never echoed.
/// </summary>
public static class ProblemDefaults
{
    public const string MissingToken =
        "This endpoint needs a bearer token: send 'Authorization: Bearer <token>', signed with the Mastery Engine's JWT_SECRET. " +
        "In Development, mint one with `dotnet run --project Gateway -- token --sub <student id> --role student`.";

    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var http = context.HttpContext;
        problem.Extensions["success"] = false;
        problem.Extensions["trace_id"] = Activity.Current?.Id ?? http.TraceIdentifier;
        problem.Instance = null;
        problem.Detail ??= problem.Status switch
        {
            StatusCodes.Status401Unauthorized => BearerTokenFailure.ReasonOr(http, MissingToken),
            StatusCodes.Status403Forbidden => "Your role does not allow this request.",
            StatusCodes.Status404NotFound => "No endpoint matches this method and path. The routes are POST /review/assess, POST /process, GET /, /health, /ready, /metrics.",
            StatusCodes.Status405MethodNotAllowed => "This path does not take this HTTP method.",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON with the header 'Content-Type: application/json'.",
            >= 500 => "The service failed to handle the request. Report the trace_id; retrying may help.",
            _ => null,
        };
    }
}
