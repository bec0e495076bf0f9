using System.Diagnostics;

namespace MasteryEngine.Gateway.Infrastructure;

/// <summary>
/// Gives every problem answer the envelope's <c>"success": false</c>, a trace id, and a detail a person can act
/// on when the code that set the status did not write one (status-code pages, the authorization middleware).
/// The request path is never echoed: it may carry the very input that was rejected.
/// </summary>
public static class ProblemDetailsDefaults
{
    /// <summary>Where the bearer handler leaves its reason for a 401, for the problem writer to use.</summary>
    public const string AuthenticationFailureKey = "mastery.authentication_failure";

    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var http = context.HttpContext;
        problem.Extensions["success"] = false;
        problem.Extensions["trace_id"] = Activity.Current?.Id ?? http.TraceIdentifier;
        problem.Instance = null;
        problem.Detail ??= problem.Status switch
        {
            StatusCodes.Status401Unauthorized => http.Items[AuthenticationFailureKey] as string ?? MissingToken,
            StatusCodes.Status403Forbidden =>
                "Your role does not allow this request: students may use only their own data, teachers the students " +
                "and analytics of their cohorts, and admin-only routes need the admin role.",
            StatusCodes.Status404NotFound => "No endpoint matches this method and path. The API is described at /docs.",
            StatusCodes.Status405MethodNotAllowed => "This path does not take this HTTP method. The API is described at /docs.",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON with the header 'Content-Type: application/json'.",
            >= 500 => "The service failed to handle the request. Report the trace_id; retrying may help.",
            _ => null,
        };
    }

    public const string MissingToken =
        "This endpoint needs a bearer token: send 'Authorization: Bearer <token>'. In Development, mint one with " +
        "`dotnet run --project Gateway -- token --sub <user id> --role <student|teacher|admin>`.";
}
