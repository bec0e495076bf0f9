namespace MasteryEngine.Grains;

/// <param name="Records">Newest first.</param>
/// <param name="Next">The position to read on from (<see cref="ComplianceAuditQuery.Before"/>), null when no older record matches.</param>
[GenerateSerializer, Immutable, Alias("mastery.compliance-audit-page")]
public sealed record ComplianceAuditPage(
    [property: Id(0)] ComplianceAuditRecord[] Records,
    [property: Id(1)] ComplianceAuditPosition? Next);
