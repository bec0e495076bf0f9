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
