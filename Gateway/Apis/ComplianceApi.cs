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
            .WithSummary("One page of the GDPR audit log, newest first (admin)")
            .Produces<PagedApiResponse<ComplianceAuditRecord[]>>();
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

    /// <summary>Records per page when <c>limit</c> is absent.</summary>
    public const int DefaultAuditLimit = 100;

    public const int MaxAuditLimit = 1000;

    /// <summary>
    /// One page of the audit log, newest first: <c>?limit=</c> (1..1000, 100), <c>&amp;cursor=</c> (the previous
    /// page's <c>next_cursor</c>), optionally <c>&amp;month=yyyy-MM</c> (UTC) and <c>&amp;student_id=</c>. The
    /// next page's address is also in a <c>Link: rel="next"</c> header.
    /// </summary>
    public static async Task<IResult> GetAuditLogAsync(
        string? month, [FromQuery(Name = "student_id")] string? studentId, string? limit, string? cursor,
        HttpContext context, MasteryServices services)
    {
        var errors = new ValidationErrors();
        errors.OptionalId("student_id", studentId);
        var pageSize = DefaultAuditLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxAuditLimit))
        {
            errors.Add("limit", $"limit must be a whole number between 1 and {MaxAuditLimit}.");
        }

        ComplianceAuditPosition? before = null;
        if (cursor is not null)
        {
            if (AuditLogCursor.TryDecode(cursor, out var position))
            {
                before = position;
            }
            else
            {
                errors.Add("cursor", "cursor must be a next_cursor returned by this endpoint.");
            }
        }

        DateTimeOffset? from = null;
        if (month is not null)
        {
            if (DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            {
                from = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            }
            else
            {
                errors.Add("month", "month must be a calendar month written yyyy-MM, e.g. 2026-11.");
            }
        }

        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        // December 9999 has no next month to end at: DateTimeOffset ends with it.
        var until = from is { Year: 9999, Month: 12 } ? null : from?.AddMonths(1);
        var query = new ComplianceAuditQuery(studentId, from, until, before, pageSize);
        var page = await services.Grains.GetGrain<IComplianceAuditGrain>(IComplianceAuditGrain.Key).ReadAsync(query);
        var next = page.Next is { } nextPosition ? AuditLogCursor.Encode(nextPosition) : null;
        if (next is not null)
        {
            context.Response.Headers.Link = $"<{NextPageUrl(context.Request, next)}>; rel=\"next\"";
        }

        return TypedResults.Ok(new PagedApiResponse<ComplianceAuditRecord[]>(true, page.Records, next));
    }

    private static string NextPageUrl(HttpRequest request, string cursor)
    {
        var query = request.Query
            .Where(parameter => parameter.Key != "cursor")
            .SelectMany(parameter => parameter.Value.Select(value => $"{Uri.EscapeDataString(parameter.Key)}={Uri.EscapeDataString(value ?? "")}"))
            .Append("cursor=" + cursor);
        return $"{request.PathBase}{request.Path}?{string.Join('&', query)}";
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
        await services.Grains.GetGrain<IComplianceAuditGrain>(IComplianceAuditGrain.Key).RecordAsync(record);
        return record.AuditId;
    }

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
