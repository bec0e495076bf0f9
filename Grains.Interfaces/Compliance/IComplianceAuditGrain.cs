using MasteryEngine.Runtime;

namespace MasteryEngine.Grains;

/// <summary>
/// The GDPR audit log of one calendar month; the key is the month as <c>yyyy-MM</c> (UTC), which keeps each
/// activation's state bounded while the log itself is kept.
/// </summary>
public interface IComplianceAuditGrain : IGrainWithStringKey
{
    Task RecordAsync(ComplianceAuditRecord record);

    Task<IReadOnlyList<ComplianceAuditRecord>> GetRecordsAsync();
}
