using System.Security.Claims;
using System.Text.Json;
using MasteryEngine.Gateway.Contracts;
using MasteryEngine.Gateway.Infrastructure;
using MasteryEngine.Gateway.OpenApi;
using MasteryEngine.Gateway.Security;
using MasteryEngine.Gateway.Validation;
using MasteryEngine.Grains;
using MasteryEngine.Grains.Domain.Xapi;
using Microsoft.AspNetCore.Mvc;

namespace MasteryEngine.Gateway.Apis;

/// <summary>The learner model's routes: P(correct) for an item, and xAPI statements in.</summary>
public static class LearnerApi
{
    public const string XapiVersionHeader = "X-Experience-API-Version";

    public static RouteGroupBuilder MapLearnerApi(this RouteGroupBuilder api)
    {
        api.MapPost("/mastery/predict-answer", PredictAnswerAsync).WithTags("Mastery")
            .Describes<AnswerPredictionResult>("P(correct) of a student on an item of a topic, with its 95% interval and evidence")
            .TakesJson(LearnerRequestExamples.PredictAnswer);
        api.MapPost("/recommendations/practice", RecommendPracticeAsync).WithTags("Recommendations")
            .Describes<PracticeResponse>("A tutor's candidate items ordered for practice: the success band first, decayed topics first")
            .TakesJson(LearnerRequestExamples.Practice);

        // xAPI clients follow the xAPI specification, not this document: the route is left out of it.
        api.MapPost("/xapi/statements", PostStatementsAsync).WithTags("xAPI").ExcludeFromDescription();
        return api;
    }

    public static async Task<IResult> PredictAnswerAsync(PredictAnswerRequest request, ClaimsPrincipal user, MasteryServices services)
    {
        var errors = new ValidationErrors();
        var studentId = errors.RequireId("student_id", request.StudentId);
        var itemId = errors.RequireId("item_id", request.ItemId);
        var topic = errors.RequireId("topic", request.Topic);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        if (!await services.Access.CanAccessStudentAsync(CallerIdentity.From(user), studentId))
        {
            return ApiResults.ForbiddenStudent();
        }

        return TypedResults.Ok(ApiResponse.Of(await services.Student(studentId).PredictAnswerAsync(itemId, topic)));
    }

    /// <summary>
    /// Orders the tutor's candidate items for the student: P(correct) within the success band
    /// (<c>Mastery:SuccessBandLow</c>..<c>Mastery:SuccessBandHigh</c>) first, decayed topics first among those.
    /// </summary>
    public static async Task<IResult> RecommendPracticeAsync(PracticeRequest request, ClaimsPrincipal user, MasteryServices services)
    {
        var errors = new ValidationErrors();
        var studentId = errors.RequireId("student_id", request.StudentId);
        var limit = errors.InRange("limit", request.Limit, InputRules.MinLimit, InputRules.MaxLimit, InputRules.DefaultLimit);
        var candidates = new List<PracticeItem>();
        if (request.Candidates is not { Count: > 0 and <= PracticeRequest.MaxCandidates })
        {
            errors.Add("candidates", $"must list 1 to {PracticeRequest.MaxCandidates} items as {{item_id, topic}}.");
        }
        else
        {
            for (var i = 0; i < request.Candidates.Count; i++)
            {
                var candidate = request.Candidates[i];
                candidates.Add(new PracticeItem(
                    errors.RequireId($"candidates[{i}].item_id", candidate?.ItemId),
                    errors.RequireId($"candidates[{i}].topic", candidate?.Topic)));
            }
        }

        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        if (!await services.Access.CanAccessStudentAsync(CallerIdentity.From(user), studentId))
        {
            return ApiResults.ForbiddenStudent();
        }

        var items = await services.Student(studentId).RecommendPracticeAsync(candidates.ToArray(), limit);
        return TypedResults.Ok(ApiResponse.Of(new PracticeResponse(studentId, items)));
    }

    /// <summary>
    /// Maps the statements (one or an array) and applies them before answering, each student's in the posted
    /// order, as an LRS answers a POST: 200 with the statement ids. The batch is taken whole or not at all: an
    /// invalid statement is a 400 naming the rule it breaks, and a caller who may not write for one of the
    /// students is refused for all. The statement id is the event id, so a statement sent again changes nothing.
    /// </summary>
    public static async Task<IResult> PostStatementsAsync(
        [FromBody] JsonElement body,
        [FromHeader(Name = XapiVersionHeader)] string? version,
        ClaimsPrincipal user,
        MasteryServices services)
    {
        var mapping = XapiStatementMapper.Map(body, version, services.Time.GetUtcNow());
        if (!mapping.IsValid)
        {
            var rejection = mapping.Rejections[0];
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The statement is invalid.",
                detail: $"Statement {rejection.Index}: {rejection.Message} ({rejection.Rule})",
                extensions: new Dictionary<string, object?> { ["rule"] = rejection.Rule, ["statement_index"] = rejection.Index });
        }

        var caller = CallerIdentity.From(user);
        var students = mapping.Events.GroupBy(learningEvent => learningEvent.StudentId, StringComparer.Ordinal).ToList();
        foreach (var student in students)
        {
            if (!await services.Access.CanAccessStudentAsync(caller, student.Key))
            {
                return ApiResults.ForbiddenStudent();
            }
        }

        await Task.WhenAll(students.Select(student => services.Student(student.Key).ApplyEventsAsync(student.ToArray())));
        return TypedResults.Ok<IReadOnlyList<string>>([.. mapping.Events.Select(learningEvent => StatementId(learningEvent.EventId))]);
    }

    private static string StatementId(string eventId) =>
        eventId.StartsWith(XapiEventIdPrefix, StringComparison.Ordinal) ? eventId[XapiEventIdPrefix.Length..] : eventId;

    private const string XapiEventIdPrefix = "xapi:";
}
