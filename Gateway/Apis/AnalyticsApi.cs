using System.Security.Claims;
using MasteryEngine.Gateway.Contracts;
using MasteryEngine.Gateway.Infrastructure;
using MasteryEngine.Gateway.OpenApi;
using MasteryEngine.Gateway.Security;
using MasteryEngine.Gateway.Validation;
using MasteryEngine.Grains;
using Microsoft.AspNetCore.Mvc;

namespace MasteryEngine.Gateway.Apis;

/// <summary>A student's history and cohort analytics (one cohort, or several side by side).</summary>
public static class AnalyticsApi
{
    public static RouteGroupBuilder MapAnalyticsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/analytics").WithTags("Analytics");
        group.MapGet("/history/{student_id}", GetHistoryAsync)
            .Describes<MasteryHistory>("A student's daily mastery snapshots over the last days")
            .ProducesProblem(StatusCodes.Status404NotFound);
        // The literal segment wins over {cohort_id}, so "compare" is not usable as a cohort id here.
        group.MapGet("/cohorts/compare", CompareCohortsAsync)
            .Describes<CohortComparison>("Compare 2 to 10 cohorts' analytics: which leads and the spread");
        group.MapGet("/cohorts/{cohort_id}", GetCohortAsync)
            .Describes<CohortAnalytics>("A cohort's size, mean mastery, level distribution and mean components");
        return api;
    }

    public static async Task<IResult> GetHistoryAsync(
        [FromRoute(Name = "student_id")] string studentId, int? days, ClaimsPrincipal user, MasteryServices services)
    {
        var errors = new ValidationErrors();
        errors.RequireId("student_id", studentId);
        var retention = services.Options.RetentionDays;
        var window = errors.InRange("days", days, 1, retention, Math.Min(InputRules.DefaultHistoryDays, retention));
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

        return TypedResults.Ok(ApiResponse.Of(await services.Student(studentId).GetHistoryAsync(window)));
    }

    public static async Task<IResult> GetCohortAsync([FromRoute(Name = "cohort_id")] string cohortId, ClaimsPrincipal user, MasteryServices services)
    {
        var errors = new ValidationErrors();
        errors.RequireId("cohort_id", cohortId);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        if (!StudentAccess.CanAccessCohort(CallerIdentity.From(user), cohortId))
        {
            return ForbiddenCohort();
        }

        return TypedResults.Ok(ApiResponse.Of(await services.Grains.GetGrain<ICohortGrain>(cohortId).GetAnalyticsAsync()));
    }

    /// <summary><c>?ids=a,b,c</c>: the analytics of each cohort and which one leads.</summary>
    public static async Task<IResult> CompareCohortsAsync(string? ids, ClaimsPrincipal user, MasteryServices services)
    {
        var cohortIds = (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var errors = new ValidationErrors();
        var max = services.Options.MaxComparedCohorts;
        if (cohortIds.Count < 2 || cohortIds.Count > max)
        {
            errors.Add("ids", $"ids must list 2 to {max} distinct cohort ids, separated by commas.");
        }

        for (var i = 0; i < cohortIds.Count; i++)
        {
            errors.RequireId($"ids[{i}]", cohortIds[i]);
        }

        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var caller = CallerIdentity.From(user);
        if (!cohortIds.All(cohortId => StudentAccess.CanAccessCohort(caller, cohortId)))
        {
            return ForbiddenCohort();
        }

        var cohorts = await Task.WhenAll(cohortIds.Select(cohortId => services.Grains.GetGrain<ICohortGrain>(cohortId).GetAnalyticsAsync()));
        var withData = cohorts.Where(cohort => cohort.MeanMastery is not null).OrderByDescending(cohort => cohort.MeanMastery).ToList();
        return TypedResults.Ok(ApiResponse.Of(new CohortComparison(
            cohorts,
            withData.FirstOrDefault()?.CohortId,
            withData.LastOrDefault()?.CohortId,
            withData.Count == 0 ? null : withData[0].MeanMastery - withData[^1].MeanMastery)));
    }

    private static IResult ForbiddenCohort() =>
        ApiResults.Forbidden("Cohort analytics are for the cohort's teachers (cohorts listed in their token) and admins.");
}
