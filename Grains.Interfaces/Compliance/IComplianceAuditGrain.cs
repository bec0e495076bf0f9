using Orleans.Concurrency;

namespace MasteryEngine.Grains;

/// <summary>
/// The GDPR audit log of one calendar month; the key is the month as <c>yyyy-MM</c> (UTC), which keeps each
/// activation's state bounded while the log itself is kept.
/// </summary>
[Alias("mastery.compliance-audit")]
public interface IComplianceAuditGrain : IGrainWithStringKey
{
    [Alias("record")]
    Task RecordAsync(ComplianceAuditRecord record);

    [Alias("records"), ReadOnly]
    Task<IReadOnlyList<ComplianceAuditRecord>> GetRecordsAsync();
}
