using System.Security.Claims;
using MasteryEngine.Gateway.Contracts;
using MasteryEngine.Gateway.Infrastructure;
using MasteryEngine.Gateway.OpenApi;
using MasteryEngine.Gateway.Security;
using MasteryEngine.Gateway.Validation;
using MasteryEngine.Grains;
using Microsoft.AspNetCore.Mvc;

namespace MasteryEngine.Gateway.Apis;

/// <summary>Batch calculations for teachers (their students) and admins; progress is polled by batch id.</summary>
public static class BatchApi
{
    private static readonly string[] Priorities = ["high", "normal", "medium", "low"];

    public static RouteGroupBuilder MapBatchApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/batch").WithTags("Batch");
        group.MapPost("/mastery", SubmitAsync)
            .Describes<BatchAccepted>("Start a batch calculation for up to 1000 students", StatusCodes.Status202Accepted)
            .TakesJson(RequestExamples.Batch);
        group.MapGet("/status/{batch_id}", GetStatusAsync)
            .Describes<BatchStatus>("A batch's progress and results")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    public static async Task<IResult> SubmitAsync(BatchMasteryRequest request, ClaimsPrincipal user, MasteryServices services)
    {
        var caller = CallerIdentity.From(user);
        if (!StudentAccess.MayRunBatches(caller))
        {
            return ApiResults.Forbidden("Batches are for teachers (their own students) and admins.");
        }

        var errors = new ValidationErrors();
        var items = ReadItems(request, errors, services.Options.MaxBatchSize);
        var priority = request.Priority ?? "normal";
        if (!Priorities.Contains(priority))
        {
            errors.Add("priority", $"priority must be one of {string.Join(", ", Priorities)}.");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        foreach (var studentId in items.Select(item => item.StudentId).Distinct(StringComparer.Ordinal))
        {
            if (!await services.Access.CanAccessStudentAsync(caller, studentId))
            {
                return ApiResults.Forbidden("The batch names a student outside your cohorts; nothing was started.");
            }
        }

        var batchId = "batch_" + Guid.NewGuid().ToString("N");
        await services.Grains.GetGrain<IBatchGrain>(batchId).SubmitAsync(caller.UserId!, items);
        return TypedResults.Accepted(
            $"/api/v1/batch/status/{batchId}",
            ApiResponse.Of(new BatchAccepted(batchId, BatchStatus.Pending, items.Count, priority, $"/api/v1/batch/status/{batchId}")));
    }

    /// <summary>
    /// Readable by its creator, admins, and a teacher whose cohorts hold every student of the batch: the id is
    /// unguessable, but it travels (links, logs of other systems), so it is not the only protection.
    /// </summary>
    public static async Task<IResult> GetStatusAsync([FromRoute(Name = "batch_id")] string batchId, ClaimsPrincipal user, MasteryServices services)
    {
        var caller = CallerIdentity.From(user);
        if (!StudentAccess.MayRunBatches(caller))
        {
            return ApiResults.Forbidden("Batch status is for teachers and admins.");
        }

        var errors = new ValidationErrors();
        errors.RequireId("batch_id", batchId);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var batch = services.Grains.GetGrain<IBatchGrain>(batchId);
        var access = await batch.GetAccessAsync();
        if (access is not null && !await MayReadAsync(caller, access, services.Access))
        {
            return ApiResults.Forbidden("A batch is readable by the caller who submitted it, by admins, and by a teacher whose cohorts hold every student in it.");
        }

        var status = access is null ? null : await batch.GetStatusAsync();
        return status is null
            ? ApiResults.NotFound("No batch has this id: it never existed or has expired (a batch's status is kept for a day).")
            : TypedResults.Ok(ApiResponse.Of(status));
    }

    private static async Task<bool> MayReadAsync(CallerIdentity caller, BatchAccess access, StudentAccess students)
    {
        if (caller.IsAdmin || (access.CreatedBy is not null && access.CreatedBy == caller.UserId))
        {
            return true;
        }

        foreach (var studentId in access.StudentIds)
        {
            if (!await students.CanAccessStudentAsync(caller, studentId))
            {
                return false;
            }
        }

        return true;
    }

    private static List<BatchItem> ReadItems(BatchMasteryRequest request, ValidationErrors errors, int maxBatchSize)
    {
        var hasRequests = request.Requests is { Count: > 0 };
        var hasStudentIds = request.StudentIds is { Count: > 0 };
        if (hasRequests == hasStudentIds)
        {
            errors.Add("requests", "Send either a non-empty 'requests' list (student_id with components) or a non-empty 'student_ids' list, not both.");
            return [];
        }

        var count = hasRequests ? request.Requests!.Count : request.StudentIds!.Count;
        if (count > maxBatchSize)
        {
            errors.Add(hasRequests ? "requests" : "student_ids", $"A batch may hold at most {maxBatchSize} students; split it.");
            return [];
        }

        var items = new List<BatchItem>(count);
        if (hasStudentIds)
        {
            for (var i = 0; i < count; i++)
            {
                items.Add(new BatchItem(errors.RequireId($"student_ids[{i}]", request.StudentIds![i]), null));
            }

            return items;
        }

        for (var i = 0; i < count; i++)
        {
            if (request.Requests![i] is not { } item)
            {
                errors.Add($"requests[{i}]", $"requests[{i}] must be an object with student_id and components.");
                continue;
            }

            var studentId = errors.RequireId($"requests[{i}].student_id", item.StudentId);
            var components = item.Components is null ? null : errors.RequireComponents($"requests[{i}].components", item.Components);
            items.Add(new BatchItem(studentId, components));
        }

        return items;
    }
}
