using Orleans.Concurrency;

namespace MasteryEngine.Grains;

/// <summary>
/// The GDPR audit log, append-only. The grain keeps no state: records go to the silo's
/// <c>IComplianceAuditLog</c> (a Redis stream, or memory when embedded), so an append costs the same however long
/// the log is, and reads come in pages. Any key reaches the same log; callers use <see cref="Key"/>.
/// </summary>
[Alias("mastery.compliance-audit")]
public interface IComplianceAuditGrain : IGrainWithStringKey
{
    public const string Key = "log";

    [Alias("append")]
    Task RecordAsync(ComplianceAuditRecord record);

    [Alias("page"), ReadOnly]
    Task<ComplianceAuditPage> ReadAsync(ComplianceAuditQuery query);
}
