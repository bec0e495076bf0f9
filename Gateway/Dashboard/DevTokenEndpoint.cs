using System.Net;
using System.Text.Json;
using MasteryEngine.Gateway.Contracts;
using MasteryEngine.Gateway.Infrastructure;
using MasteryEngine.Gateway.Options;
using MasteryEngine.Gateway.Security;
using MasteryEngine.Gateway.Validation;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Gateway.Dashboard;

/// <summary>
/// The dashboard's Development sign-in: mints the token the <c>token</c> command would. It exists only while
/// the public development secret signs tokens (anyone can mint those anyway) and only for a caller on this
/// machine; everywhere else it answers 404, as an unknown route would.
/// </summary>
public static class DevTokenEndpoint
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);
    private static readonly string[] Roles = [MasteryRoles.Student, MasteryRoles.Teacher, MasteryRoles.Admin];

    public static IResult Availability(HttpContext context, IWebHostEnvironment environment, IOptions<JwtOptions> jwt) =>
        IsAvailable(environment, jwt.Value, context.Connection.RemoteIpAddress) ? TypedResults.NoContent() : NotAvailable();

    public static async Task<IResult> IssueAsync(
        HttpContext context, IWebHostEnvironment environment, IOptions<JwtOptions> jwt, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!IsAvailable(environment, jwt.Value, context.Connection.RemoteIpAddress))
        {
            return NotAvailable();
        }

        if (!context.Request.HasJsonContentType())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported Media Type", detail: "Send the sign-in as application/json.");
        }

        DevTokenRequest? request;
        try
        {
            request = await context.Request.ReadFromJsonAsync(DashboardJsonContext.Default.DevTokenRequest, cancellationToken);
        }
        catch (JsonException)
        {
            return ApiResults.BadRequest("The body must be a JSON object {\"sub\", \"role\", \"cohorts\"}.");
        }

        var errors = new ValidationErrors();
        var subject = errors.RequireId("sub", request?.Sub);
        var role = request?.Role ?? MasteryRoles.Student;
        if (!Roles.Contains(role, StringComparer.Ordinal))
        {
            errors.Add("role", "role must be student, teacher or admin.");
        }

        var cohorts = request?.Cohorts ?? [];
        for (var i = 0; i < cohorts.Count; i++)
        {
            errors.RequireId($"cohorts[{i}]", cohorts[i]);
        }

        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var token = new TokenIssuer(jwt.Value, time).Issue(subject, [role], cohorts, Lifetime);
        var issued = new DevTokenIssued(token, time.GetUtcNow() + Lifetime);
        return TypedResults.Json(ApiResponse.Of(issued), DashboardJsonContext.Default.ApiResponseDevTokenIssued);
    }

    private static IResult NotAvailable() =>
        ApiResults.NotFound("No such route. The dashboard's dev sign-in exists only in Development, with the development secret, on loopback.");

    public static bool IsAvailable(IHostEnvironment environment, JwtOptions jwt, IPAddress? caller) =>
        environment.IsDevelopment()
        && string.Equals(jwt.Secret, JwtOptions.DevelopmentSecret, StringComparison.Ordinal)
        && caller is not null && IPAddress.IsLoopback(caller);
}
