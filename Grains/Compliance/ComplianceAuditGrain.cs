using Orleans.Concurrency;

namespace MasteryEngine.Grains;

/// <summary>
/// The audit log's grain front: stateless, so a record is not added to a state that is rewritten whole (the cost
/// of that grew with every record), but appended to the silo's <see cref="IComplianceAuditLog"/>. A failed append
/// reaches the caller, which then does not report the action as audited.
/// </summary>
[StatelessWorker, GrainType("compliance-audit")]
public sealed class ComplianceAuditGrain(IComplianceAuditLog log) : Grain, IComplianceAuditGrain
{
    public Task RecordAsync(ComplianceAuditRecord record) => log.AppendAsync(record);

    public Task<ComplianceAuditPage> ReadAsync(ComplianceAuditQuery query) => log.ReadAsync(query);
}
