using System.Globalization;
using System.Security.Claims;
using MasteryEngine.Gateway.Contracts;
using MasteryEngine.Gateway.Infrastructure;
using MasteryEngine.Gateway.OpenApi;
using MasteryEngine.Gateway.Security;
using MasteryEngine.Gateway.Validation;
using MasteryEngine.Grains;
using Microsoft.AspNetCore.Mvc;

namespace MasteryEngine.Gateway.Apis;

/// <summary>
/// GDPR: a student's (or an admin on their behalf) right of access and of erasure. Both are written to the
/// audit log, which names who acted, when, on which student id and what kinds of data: never the data.
/// </summary>
public static class ComplianceApi
{
    public static RouteGroupBuilder MapComplianceApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/compliance").WithTags("Compliance");
        group.MapGet("/export/{student_id}", ExportAsync)
            .Describes<StudentDataExport>("Everything held about a student (GDPR right of access)");
        group.MapDelete("/student/{student_id}", EraseAsync)
            .Describes<ErasureResponse>("Erase everything held about a student (GDPR right of erasure)");
        group.MapGet("/audit", GetAuditLogAsync).RequireAuthorization(AuthorizationPolicies.Admin)
            .Describes<IReadOnlyList<ComplianceAuditRecord>>("The GDPR audit log of a month (admin)");
        return api;
    }

    public static async Task<IResult> ExportAsync([FromRoute(Name = "student_id")] string studentId, ClaimsPrincipal user, MasteryServices services)
    {
        var caller = CallerIdentity.From(user);
        if (Authorize(caller, studentId) is { } problem)
        {
            return problem;
        }

        var export = await services.Student(studentId).ExportAsync();
        await AuditAsync(services, caller, ComplianceActions.Export, studentId, DataKinds(export));
        return TypedResults.Ok(ApiResponse.Of(export));
    }

    public static async Task<IResult> EraseAsync([FromRoute(Name = "student_id")] string studentId, ClaimsPrincipal user, MasteryServices services)
    {
        var caller = CallerIdentity.From(user);
        if (Authorize(caller, studentId) is { } problem)
        {
            return problem;
        }

        var report = await services.Grains.GetGrain<IStudentErasureGrain>(0).EraseAsync(studentId);
        var auditId = await AuditAsync(services, caller, ComplianceActions.Erasure, studentId, report.ErasedDataKinds);
        return TypedResults.Ok(ApiResponse.Of(new ErasureResponse(report.StudentId, report.ErasedAt, report.ErasedDataKinds, auditId)));
    }

    /// <summary><c>?month=yyyy-MM</c> (UTC, the current month when absent), optionally <c>&amp;student_id=</c>.</summary>
    public static async Task<IResult> GetAuditLogAsync(string? month, [FromQuery(Name = "student_id")] string? studentId, MasteryServices services)
    {
        var errors = new ValidationErrors();
        errors.OptionalId("student_id", studentId);
        var key = month ?? MonthKey(services.Time.GetUtcNow());
        if (!DateOnly.TryParseExact(key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors.Add("month", "month must be a calendar month written yyyy-MM, e.g. 2026-11.");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var records = await services.Grains.GetGrain<IComplianceAuditGrain>(key).GetRecordsAsync();
        IReadOnlyList<ComplianceAuditRecord> selected = studentId is null ? records : [.. records.Where(record => record.StudentId == studentId)];
        return TypedResults.Ok(ApiResponse.Of(selected));
    }

    private static IResult? Authorize(CallerIdentity caller, string studentId)
    {
        var errors = new ValidationErrors();
        errors.RequireId("student_id", studentId);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        return StudentAccess.MayManagePersonalData(caller, studentId)
            ? null
            : ApiResults.Forbidden("Exporting or erasing a student's data is for that student and for admins.");
    }

    private static async Task<string> AuditAsync(
        MasteryServices services, CallerIdentity caller, string action, string studentId, IReadOnlyList<string> dataKinds)
    {
        var now = services.Time.GetUtcNow();
        var record = new ComplianceAuditRecord("audit_" + Guid.NewGuid().ToString("N"), action, studentId, caller.UserId!, now, dataKinds);
        await services.Grains.GetGrain<IComplianceAuditGrain>(MonthKey(now)).RecordAsync(record);
        return record.AuditId;
    }

    private static string MonthKey(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static List<string> DataKinds(StudentDataExport export)
    {
        var kinds = new List<string>();
        if (export.CurrentMastery is not null)
        {
            kinds.Add("mastery_state");
        }

        AddWhenAny(kinds, "topics", export.Topics);
        AddWhenAny(kinds, "snapshots", export.Snapshots);
        AddWhenAny(kinds, "applied_event_ids", export.AppliedEventIds);
        AddWhenAny(kinds, "cohort_memberships", export.Cohorts);
        AddWhenAny(kinds, "batch_results", export.Batches);
        return kinds;
    }

    private static void AddWhenAny<T>(List<string> kinds, string kind, IReadOnlyList<T> items)
    {
        if (items.Count > 0)
        {
            kinds.Add(kind);
        }
    }
}
