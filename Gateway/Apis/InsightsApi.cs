using System.Security.Claims;
using MasteryEngine.Gateway.Contracts;
using MasteryEngine.Gateway.Infrastructure;
using MasteryEngine.Gateway.OpenApi;
using MasteryEngine.Gateway.Security;
using MasteryEngine.Gateway.Validation;
using MasteryEngine.Grains;

namespace MasteryEngine.Gateway.Apis;

/// <summary>Where a student is heading: trajectory prediction and adaptive recommendations.</summary>
public static class InsightsApi
{
    public static RouteGroupBuilder MapInsightsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/predictions/next-week", PredictAsync).WithTags("Predictions")
            .Describes<MasteryPrediction>("Predict a student's mastery 1 to 30 days ahead, with a confidence")
            .TakesJson(RequestExamples.Prediction)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/recommendations/adaptive", RecommendAsync).WithTags("Recommendations")
            .Describes<RecommendationsResponse>("What a student should work on next, ranked by weight times gap")
            .TakesJson(RequestExamples.Recommendations)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    public static async Task<IResult> PredictAsync(PredictionRequest request, ClaimsPrincipal user, MasteryServices services)
    {
        var errors = new ValidationErrors();
        var studentId = errors.RequireId("student_id", request.StudentId);
        var days = errors.InRange(
            "timeframe_days", request.TimeframeDays, InputRules.MinTimeframeDays, InputRules.MaxTimeframeDays, InputRules.DefaultTimeframeDays);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        if (!await services.Access.CanAccessStudentAsync(CallerIdentity.From(user), studentId))
        {
            return ApiResults.ForbiddenStudent();
        }

        if (await services.IsUnknownStudentAsync(studentId))
        {
            return ApiResults.StudentNotFound();
        }

        return TypedResults.Ok(ApiResponse.Of(await services.Student(studentId).PredictAsync(days)));
    }

    public static async Task<IResult> RecommendAsync(RecommendationRequest request, ClaimsPrincipal user, MasteryServices services)
    {
        var errors = new ValidationErrors();
        var studentId = errors.RequireId("student_id", request.StudentId);
        var limit = errors.InRange("limit", request.Limit, InputRules.MinLimit, InputRules.MaxLimit, InputRules.DefaultLimit);
        var priority = errors.OptionalPriority("priority", request.Priority);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        if (!await services.Access.CanAccessStudentAsync(CallerIdentity.From(user), studentId))
        {
            return ApiResults.ForbiddenStudent();
        }

        if (await services.IsUnknownStudentAsync(studentId))
        {
            return ApiResults.StudentNotFound();
        }

        var recommendations = await services.Student(studentId).RecommendAsync(limit, priority);
        return TypedResults.Ok(ApiResponse.Of(new RecommendationsResponse(studentId, recommendations)));
    }
}
