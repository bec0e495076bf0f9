namespace MasteryEngine.Grains;

/// <summary>
/// Who did what to whose data and when, kept after an erasure: it names the kinds of data, never the data.
/// </summary>
/// <param name="Action"><see cref="ComplianceActions.Export"/> or <see cref="ComplianceActions.Erasure"/>.</param>
/// <param name="PerformedBy">The caller's user id (the token's <c>sub</c> or <c>user_id</c>).</param>
[GenerateSerializer, Immutable, Alias("mastery.compliance-audit-record")]
public sealed record ComplianceAuditRecord(
    [property: Id(0)] string AuditId,
    [property: Id(1)] string Action,
    [property: Id(2)] string StudentId,
    [property: Id(3)] string PerformedBy,
    [property: Id(4)] DateTimeOffset PerformedAt,
    [property: Id(5)] IReadOnlyList<string> DataKinds);
