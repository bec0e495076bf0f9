using System.Diagnostics;
using MasteryEngine.Gateway.Options;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Gateway.Infrastructure;

/// <summary>
/// Gives every problem answer the envelope's <c>"success": false</c>, a trace id, and a detail a person can act
/// on when the code that set the status did not write one (status-code pages, the authorization middleware).
/// The request path is never echoed: it may carry the very input that was rejected.
/// </summary>
public static class ProblemDetailsDefaults
{
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var http = context.HttpContext;
        problem.Extensions["success"] = false;
        problem.Extensions["trace_id"] = Activity.Current?.Id ?? http.TraceIdentifier;
        problem.Instance = null;
        problem.Type ??= TypeOf(problem.Status);
        problem.Detail ??= problem.Status switch
        {
            StatusCodes.Status401Unauthorized => BearerTokenFailure.ReasonOr(http, MissingToken),
            StatusCodes.Status403Forbidden =>
                "Your role does not allow this request: students may use only their own data, teachers the students " +
                "and analytics of their cohorts, and admin-only routes need the admin role.",
            StatusCodes.Status404NotFound => "No endpoint matches this method and path. The API is described at /docs.",
            StatusCodes.Status405MethodNotAllowed => "This path does not take this HTTP method. The API is described at /docs.",
            // Kestrel sets 413 itself when a body without Content-Length grows over the limit while being read.
            StatusCodes.Status413PayloadTooLarge => TooLarge(http.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.MaxRequestBodyBytes),
            StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON with the header 'Content-Type: application/json'.",
            >= 500 => "The service failed to handle the request. Report the trace_id; retrying may help.",
            _ => null,
        };
    }

    public static string TooLarge(long maxBytes) =>
        $"The request body is larger than the limit of {maxBytes} bytes (MAX_REQUEST_BODY_BYTES).";

    /// <summary>The framework gives a type to the common statuses only; these are the others the API answers with.</summary>
    private static string? TypeOf(int? status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        StatusCodes.Status429TooManyRequests => "https://tools.ietf.org/html/rfc6585#section-4",
        _ => null,
    };

    public const string MissingToken =
        "This endpoint needs a bearer token: send 'Authorization: Bearer <token>'. In Development, mint one with " +
        "`dotnet run --project Gateway -- token --sub <user id> --role <student|teacher|admin>`.";
}
