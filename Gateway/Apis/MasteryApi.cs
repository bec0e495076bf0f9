using System.Security.Claims;
using System.Text.Json;
using MasteryEngine.Gateway.Contracts;
using MasteryEngine.Gateway.Infrastructure;
using MasteryEngine.Gateway.Security;
using MasteryEngine.Gateway.Validation;
using MasteryEngine.Grains;
using MasteryEngine.Grains.Domain;
using Orleans.Runtime;

namespace MasteryEngine.Gateway.Apis;

/// <summary>Query, calculate and ingest: one student's mastery.</summary>
public static class MasteryApi
{
    public static RouteGroupBuilder MapMasteryApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/mastery").WithTags("Mastery");
        group.MapPost("/query", QueryAsync);
        group.MapPost("/calculate", CalculateAsync);
        group.MapPost("/ingest", IngestAsync);
        return api;
    }

    public static async Task<IResult> QueryAsync(MasteryQueryRequest request, ClaimsPrincipal user, MasteryServices services)
    {
        var errors = new ValidationErrors();
        var studentId = errors.RequireId("student_id", request.StudentId);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        if (!await services.Access.CanAccessStudentAsync(CallerIdentity.From(user), studentId))
        {
            return ApiResults.ForbiddenStudent();
        }

        var result = await services.Student(studentId).QueryAsync();
        return TypedResults.Ok(ApiResponse.Of(MasteryQueryResponse.From(result, request.IncludeComponents ?? true)));
    }

    public static async Task<IResult> CalculateAsync(MasteryCalculateRequest request, ClaimsPrincipal user, MasteryServices services)
    {
        var errors = new ValidationErrors();
        var studentId = errors.RequireId("student_id", request.StudentId);
        var components = request.Components is null ? null : errors.RequireComponents("components", request.Components);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        if (!await services.Access.CanAccessStudentAsync(CallerIdentity.From(user), studentId))
        {
            return ApiResults.ForbiddenStudent();
        }

        var result = await services.Student(studentId).CalculateAsync(components);
        return TypedResults.Ok(ApiResponse.Of(result));
    }

    /// <summary>
    /// Validates the event with the domain's own rules, hands it to the learning-event stream keyed by the
    /// student (which keeps each student's events in order) and answers 202: the student's grain applies it
    /// when the stream delivers it. With <c>?wait=true</c> the student's grain applies it before the answer,
    /// which is 200 with the result (a tutor reads its own write, and an answer's <c>predicted_correct</c>).
    /// </summary>
    public static async Task<IResult> IngestAsync(IngestRequest request, ClaimsPrincipal user, MasteryServices services, bool? wait = null)
    {
        var errors = new ValidationErrors();
        var studentId = errors.RequireId("student_id", request.StudentId);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var learningEvent = new LearningEvent(
            request.EventType ?? "",
            studentId,
            string.IsNullOrEmpty(request.EventId) ? "evt_" + Guid.NewGuid().ToString("N") : request.EventId,
            request.Timestamp ?? services.Time.GetUtcNow(),
            request.Topic,
            request.CohortId,
            request.Data ?? EmptyObject);
        var validation = LearningEventValidator.Validate(learningEvent);
        if (!validation.IsValid)
        {
            return ApiResults.BadRequest(validation.Rejection.Message, validation.Rejection.Reason);
        }

        if (!await services.Access.CanAccessStudentAsync(CallerIdentity.From(user), studentId))
        {
            return ApiResults.ForbiddenStudent();
        }

        if (wait == true)
        {
            return TypedResults.Ok(ApiResponse.Of(await services.Student(studentId).ApplyEventAsync(learningEvent)));
        }

        try
        {
            var stream = services.Streams.GetStream<LearningEvent>(StreamId.Create(StreamNamespaces.LearningEvents, studentId));
            await stream.OnNextAsync(learningEvent);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Whatever the provider throws (broker down, queue closed), the event was not accepted: say so.
            services.Logger.LogWarning(exception, "Learning event {EventId} was not accepted by the stream", learningEvent.EventId);
            var retryAfter = services.Options.UnavailableRetryAfterSeconds;
            return ApiResults.Unavailable(
                $"The learning-event stream did not accept the event (is the broker reachable?); nothing was recorded. Retry after {retryAfter} seconds.",
                retryAfter);
        }

        return TypedResults.Accepted(
            (string?)null,
            ApiResponse.Of(new IngestAccepted(learningEvent.EventId, studentId, learningEvent.EventType, "accepted")));
    }

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();
}
