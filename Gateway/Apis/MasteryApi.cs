using System.Security.Claims;
using System.Text.Json;
using MasteryEngine.Gateway.Contracts;
using MasteryEngine.Gateway.Infrastructure;
using MasteryEngine.Gateway.OpenApi;
using MasteryEngine.Gateway.Security;
using MasteryEngine.Gateway.Validation;
using MasteryEngine.Grains;
using MasteryEngine.Grains.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Orleans.Runtime;

namespace MasteryEngine.Gateway.Apis;

/// <summary>Query, calculate and ingest: one student's mastery.</summary>
public static class MasteryApi
{
    public static RouteGroupBuilder MapMasteryApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/mastery").WithTags("Mastery");
        group.MapPost("/query", QueryAsync)
            .Describes<MasteryQueryResponse>("A student's current mastery, historical average and trend")
            .TakesJson(RequestExamples.Query)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/calculate", CalculateAsync)
            .Describes<MasteryResult>("Set a student's component scores, or recalculate from state without them")
            .TakesJson(RequestExamples.Calculate);
        group.MapPost("/ingest", IngestAsync)
            .Describes<IngestAccepted>("Submit a learning event; with Kafka the student's grain applies it asynchronously, without Kafka before the answer", StatusCodes.Status202Accepted)
            .TakesJson(RequestExamples.Ingest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/events/{student_id}/{event_id}", GetEventAsync)
            .Describes<EventApplication>("Whether a learning event was applied, within the idempotency window")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>Whether the event was applied (within the idempotency window), for an operator replaying events.</summary>
    public static async Task<IResult> GetEventAsync(
        [FromRoute(Name = "student_id")] string studentId, [FromRoute(Name = "event_id")] string eventId, ClaimsPrincipal user, MasteryServices services)
    {
        var errors = new ValidationErrors();
        errors.RequireId("student_id", studentId);
        if (!Identifiers.IsValidEventId(eventId))
        {
            errors.Add("event_id", $"event_id must be 1 to {Identifiers.MaxEventIdLength} printable characters.");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        if (!await services.Access.CanAccessStudentAsync(CallerIdentity.From(user), studentId))
        {
            return ApiResults.ForbiddenStudent();
        }

        var appliedOn = await services.Student(studentId).GetEventAppliedOnAsync(eventId);
        return TypedResults.Ok(ApiResponse.Of(new EventApplication(studentId, eventId, appliedOn is not null, appliedOn, services.Mastery.IdempotencyWindow)));
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

        if (await services.IsUnknownStudentAsync(studentId))
        {
            return ApiResults.StudentNotFound();
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

        if (await IsStaleAsync(learningEvent, services))
        {
            return ApiResults.Conflict(
                $"The event is older than the idempotency window of {services.Mastery.IdempotencyWindow} days (IDEMPOTENCY_WINDOW_DAYS): " +
                "whether it was applied can no longer be checked, so it is refused rather than risk applying it twice.",
                LearningEventRejection.Stale);
        }

        if (wait == true)
        {
            return TypedResults.Ok(ApiResponse.Of(await services.Student(studentId).ApplyEventAsync(learningEvent)));
        }

        if (!services.Options.StreamIsDurable)
        {
            // Orleans' memory streams lose what they hold when the silo stops, so without Kafka a 202 waits until
            // the student's grain has stored the event: an acknowledged event survives a restart.
            await services.Student(studentId).ApplyEventAsync(learningEvent);
            return AcceptedEvent(learningEvent, studentId);
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

        return AcceptedEvent(learningEvent, studentId);
    }

    private static Accepted<ApiResponse<IngestAccepted>> AcceptedEvent(LearningEvent learningEvent, string studentId) =>
        TypedResults.Accepted(
            (string?)null,
            ApiResponse.Of(new IngestAccepted(learningEvent.EventId, studentId, learningEvent.EventType, "accepted")));

    /// <summary>Older than the window and not a repeat the student still remembers (a repeat changes nothing, so it may pass).</summary>
    private static async Task<bool> IsStaleAsync(LearningEvent learningEvent, MasteryServices services)
    {
        var today = DateOnly.FromDateTime(services.Time.GetUtcNow().UtcDateTime).DayNumber;
        var eventDay = DateOnly.FromDateTime(learningEvent.Timestamp.UtcDateTime).DayNumber;
        return AppliedEventLog.IsStale(eventDay, today, services.Mastery.IdempotencyWindow)
            && await services.Student(learningEvent.StudentId).GetEventAppliedOnAsync(learningEvent.EventId) is null;
    }

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();
}
