using System.Globalization;

namespace MasteryEngine.Gateway.Infrastructure;

/// <summary>The problem answers the handlers give besides validation errors.</summary>
public static class ApiResults
{
    public static IResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);

    public static IResult ForbiddenStudent() => Forbidden(
        "You may not access this student's data: students see only their own, teachers only the students of " +
        "the cohorts in their token, admins everyone.");

    public static IResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: detail);

    /// <summary>A read of a student the service holds nothing about, which a zeroed novice record would hide.</summary>
    public static IResult StudentNotFound() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Student not found",
        type: StudentNotFoundType,
        detail: "No data is held for this student: nothing was calculated or ingested for them yet, or their data was " +
                "erased. POST /api/v1/mastery/calculate or /api/v1/mastery/ingest creates it.");

    /// <summary>The problem <c>type</c> of <see cref="StudentNotFound"/>, for clients to tell "no data" from other 404s.</summary>
    public const string StudentNotFoundType = "student-not-found";

    /// <param name="reason">A stable machine code for the refusal, when there is one (e.g. <c>invalid_data</c>).</param>
    public static IResult BadRequest(string detail, string? reason = null) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "The request is invalid.",
        detail: detail,
        extensions: reason is null ? null : new Dictionary<string, object?> { ["reason"] = reason });

    public static IResult Conflict(string detail, string reason) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Conflict",
        detail: detail,
        extensions: new Dictionary<string, object?> { ["reason"] = reason });

    public static IResult Unavailable(string detail, int retryAfterSeconds) => new RetryAfterResult(
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service Unavailable", detail: detail),
        retryAfterSeconds);

    private sealed class RetryAfterResult(IResult inner, int retryAfterSeconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
