namespace MasteryEngine.Grains;

/// <summary>
/// Where the GDPR audit log is kept: append-only, so an append costs the same at the millionth record as at the
/// first, records older than <see cref="ComplianceAuditOptions.RetentionDays"/> trimmed. Two implementations:
/// memory for the embedded one-silo mode (<see cref="MemoryComplianceAuditLog"/>) and Redis streams in Redis mode.
/// </summary>
public interface IComplianceAuditLog
{
    Task<ComplianceAuditPosition> AppendAsync(ComplianceAuditRecord record, CancellationToken cancellationToken = default);

    Task<ComplianceAuditPage> ReadAsync(ComplianceAuditQuery query, CancellationToken cancellationToken = default);
}
