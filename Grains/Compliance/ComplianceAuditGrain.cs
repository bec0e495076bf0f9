using Orleans.Runtime;

namespace MasteryEngine.Grains;

/// <summary>
/// One month of the GDPR audit log, persisted like any grain state so it outlives restarts. A record is kept
/// only once it is stored: a failed write takes it back out, and the caller sees the failure.
/// </summary>
[GrainType("compliance-audit")]
public sealed class ComplianceAuditGrain(
    [PersistentState("audit")] IPersistentState<ComplianceAuditState> audit) : Grain, IComplianceAuditGrain
{
    public async Task RecordAsync(ComplianceAuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (audit.State.Records.Exists(existing => existing.AuditId == record.AuditId))
        {
            return;
        }

        audit.State.Records.Add(record);
        try
        {
            await audit.WriteStateAsync();
        }
        catch
        {
            audit.State.Records.RemoveAt(audit.State.Records.Count - 1);
            throw;
        }
    }

    public Task<IReadOnlyList<ComplianceAuditRecord>> GetRecordsAsync() =>
        Task.FromResult<IReadOnlyList<ComplianceAuditRecord>>([.. audit.State.Records]);
}
