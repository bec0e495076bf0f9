using System.Security.Claims;
using System.Text.Json;
using MasteryEngine.ReviewAgent.Assessing;
using MasteryEngine.ReviewAgent.Contracts;
using MasteryEngine.ReviewAgent.Options;
using MasteryEngine.ReviewAgent.Security;
using MasteryEngine.ReviewAgent.Validation;
using Microsoft.Extensions.Options;

namespace MasteryEngine.ReviewAgent.Apis;

/// <summary><c>POST /review/assess</c> and the runbook's <c>POST /process</c> with intent <c>quality_assessment</c>.</summary>
public static class ReviewApi
{
    public const string AssessIntent = "quality_assessment";

    public static IEndpointRouteBuilder MapReviewApi(this IEndpointRouteBuilder app)
    {
        foreach (var prefix in new[] { "", "/api/v1" })
        {
            app.MapPost(prefix + "/review/assess", AssessAsync).RequireAuthorization();
            app.MapPost(prefix + "/process", ProcessAsync).RequireAuthorization();
        }

        return app;
    }

    public static async Task<IResult> AssessAsync(
        AssessRequest request, ClaimsPrincipal user, AssessmentService assessments, IOptions<ReviewOptions> options, HttpContext http, CancellationToken cancellationToken)
    {
        var (submission, errors) = SubmissionRules.Validate(request, options.Value);
        if (submission is null)
        {
            return TypedResults.ValidationProblem(
                errors, detail: string.Join(" ", errors.Values.SelectMany(messages => messages)), title: "The request is invalid.");
        }

        if (!CallerIdentity.From(user).MayAssessFor(submission.StudentId))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Forbidden",
                detail: "An assessment moves the student's mastery: students may submit only their own code, admins anyone's.");
        }

        http.SetLoggedStudentId(submission.StudentId);
        var assessment = await assessments.AssessAndFeedAsync(submission, cancellationToken);
        return TypedResults.Ok(new ApiResponse<Assessment>(true, assessment));
    }

    public static async Task<IResult> ProcessAsync(
        ProcessRequest request, ClaimsPrincipal user, AssessmentService assessments, IOptions<ReviewOptions> options, HttpContext http, CancellationToken cancellationToken)
    {
        if (request.Intent != AssessIntent)
        {
            var errors = new Dictionary<string, string[]> { ["intent"] = [$"intent must be {AssessIntent}."] };
            return TypedResults.ValidationProblem(errors, detail: errors["intent"][0], title: "The request is invalid.");
        }

        AssessRequest assess;
        if (request.Payload is { ValueKind: JsonValueKind.Object } payload)
        {
            try
            {
                assess = payload.Deserialize(ReviewJsonContext.Default.AssessRequest)!;
            }
            catch (JsonException exception)
            {
                var where = string.IsNullOrEmpty(exception.Path) ? "" : $" at {exception.Path}";
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request is invalid.",
                    detail: $"payload does not fit the {AssessIntent} intent: a value has the wrong type{where}.");
            }
        }
        else
        {
            assess = new AssessRequest(request.StudentId, request.StudentCode, request.ProblemContext, request.SubmissionId);
        }

        return await AssessAsync(assess, user, assessments, options, http, cancellationToken);
    }
}
