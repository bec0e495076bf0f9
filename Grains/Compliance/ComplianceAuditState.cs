namespace MasteryEngine.Grains;

public sealed class ComplianceAuditState
{
    public List<ComplianceAuditRecord> Records { get; set; } = [];
}
