using System.Security.Claims;
using MasteryEngine.Gateway.Contracts;
using MasteryEngine.Gateway.Infrastructure;
using MasteryEngine.Gateway.OpenApi;
using MasteryEngine.Gateway.Security;
using MasteryEngine.Gateway.Validation;
using MasteryEngine.Grains;
using Microsoft.AspNetCore.Mvc;

namespace MasteryEngine.Gateway.Apis;

/// <summary>Cohort membership: admins change it; the cohort's teachers may list it.</summary>
public static class CohortApi
{
    public static RouteGroupBuilder MapCohortApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/cohorts/{cohort_id}/students").WithTags("Cohorts");
        group.MapGet("", ListStudentsAsync)
            .Describes<CohortStudents>("A cohort's members");
        group.MapPut("/{student_id}", AddStudentAsync).RequireAuthorization(AuthorizationPolicies.Admin)
            .Describes<CohortMembership>("Add a student to a cohort (admin)");
        group.MapDelete("/{student_id}", RemoveStudentAsync).RequireAuthorization(AuthorizationPolicies.Admin)
            .Describes<CohortMembership>("Remove a student from a cohort (admin)");
        return api;
    }

    public static async Task<IResult> ListStudentsAsync([FromRoute(Name = "cohort_id")] string cohortId, ClaimsPrincipal user, MasteryServices services)
    {
        var errors = new ValidationErrors();
        errors.RequireId("cohort_id", cohortId);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        if (!StudentAccess.CanAccessCohort(CallerIdentity.From(user), cohortId))
        {
            return ApiResults.Forbidden("A cohort's members are listed for its teachers (cohorts in their token) and admins.");
        }

        var students = await services.Grains.GetGrain<ICohortGrain>(cohortId).GetStudentsAsync();
        return TypedResults.Ok(ApiResponse.Of(new CohortStudents(cohortId, students)));
    }

    public static async Task<IResult> AddStudentAsync(
        [FromRoute(Name = "cohort_id")] string cohortId, [FromRoute(Name = "student_id")] string studentId, MasteryServices services)
    {
        if (Validate(cohortId, studentId) is { } problem)
        {
            return problem;
        }

        await services.Grains.GetGrain<ICohortGrain>(cohortId).AddStudentAsync(studentId);
        return TypedResults.Ok(ApiResponse.Of(new CohortMembership(cohortId, studentId, Member: true)));
    }

    /// <summary>Leaving goes through the cohort's grain, which keeps both sides of the membership in step.</summary>
    public static async Task<IResult> RemoveStudentAsync(
        [FromRoute(Name = "cohort_id")] string cohortId, [FromRoute(Name = "student_id")] string studentId, MasteryServices services)
    {
        if (Validate(cohortId, studentId) is { } problem)
        {
            return problem;
        }

        await services.Grains.GetGrain<ICohortGrain>(cohortId).RemoveStudentAsync(studentId);
        return TypedResults.Ok(ApiResponse.Of(new CohortMembership(cohortId, studentId, Member: false)));
    }

    private static IResult? Validate(string cohortId, string studentId)
    {
        var errors = new ValidationErrors();
        errors.RequireId("cohort_id", cohortId);
        errors.RequireId("student_id", studentId);
        return errors.IsEmpty ? null : errors.ToProblem();
    }
}
