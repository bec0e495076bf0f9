namespace MasteryEngine.Grains;

/// <summary>The <c>Audit</c> section; <c>AUDIT_RETENTION_DAYS</c> overrides <see cref="RetentionDays"/>.</summary>
public sealed class ComplianceAuditOptions
{
    public const string SectionName = "Audit";

    public const string RetentionDaysVariable = "AUDIT_RETENTION_DAYS";

    /// <summary>Ten years: longer is not a retention period but a wish to keep everything.</summary>
    public const int MaxRetentionDays = 3650;

    /// <summary>
    /// Days an audit record is kept. It outlives the data it is about (<c>GDPR_RETENTION_DAYS</c>): an erasure must
    /// stay provable after the data is gone, so the default is a year.
    /// </summary>
    public int RetentionDays { get; set; } = 365;

    public TimeSpan Retention => TimeSpan.FromDays(RetentionDays);
}
