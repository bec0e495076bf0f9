namespace MasteryEngine.Grains;

/// <summary>
/// Who did what to whose data and when, kept after an erasure: it names the kinds of data, never the data.
/// </summary>
/// <param name="Action"><see cref="ComplianceActions.Export"/> or <see cref="ComplianceActions.Erasure"/>.</param>
/// <param name="PerformedBy">The caller's user id (the token's <c>sub</c> or <c>user_id</c>).</param>
public sealed record ComplianceAuditRecord(
    string AuditId,
    string Action,
    string StudentId,
    string PerformedBy,
    DateTimeOffset PerformedAt,
    IReadOnlyList<string> DataKinds);
