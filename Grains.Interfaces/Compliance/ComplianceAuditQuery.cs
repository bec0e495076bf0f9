namespace MasteryEngine.Grains;

/// <summary>
/// One page of the audit log, newest record first.
/// </summary>
/// <param name="StudentId">Only the records about this student; every record when null.</param>
/// <param name="From">Only records appended at or after this instant (e.g. the start of a month).</param>
/// <param name="Until">Only records appended before this instant.</param>
/// <param name="Before">Only records older than this position: the last record of the previous page.</param>
/// <param name="Limit">At most this many records.</param>
[GenerateSerializer, Immutable, Alias("mastery.compliance-audit-query")]
public sealed record ComplianceAuditQuery(
    [property: Id(0)] string? StudentId,
    [property: Id(1)] DateTimeOffset? From,
    [property: Id(2)] DateTimeOffset? Until,
    [property: Id(3)] ComplianceAuditPosition? Before,
    [property: Id(4)] int Limit);
