using System.Globalization;

namespace MasteryEngine.Grains;

/// <summary>
/// Where a record sits in the audit log, in the shape of a Redis stream id: the milliseconds since the Unix epoch
/// at which it was appended, and a sequence number among the records of that millisecond. Positions only grow.
/// </summary>
[GenerateSerializer, Immutable, Alias("mastery.compliance-audit-position")]
public readonly record struct ComplianceAuditPosition(
    [property: Id(0)] long Milliseconds,
    [property: Id(1)] long Sequence) : IComparable<ComplianceAuditPosition>
{
    public static ComplianceAuditPosition Start(long milliseconds) => new(milliseconds, 0);

    public int CompareTo(ComplianceAuditPosition other) =>
        Milliseconds != other.Milliseconds ? Milliseconds.CompareTo(other.Milliseconds) : Sequence.CompareTo(other.Sequence);

    public static bool operator <(ComplianceAuditPosition left, ComplianceAuditPosition right) => left.CompareTo(right) < 0;

    public static bool operator >(ComplianceAuditPosition left, ComplianceAuditPosition right) => left.CompareTo(right) > 0;

    public static bool operator <=(ComplianceAuditPosition left, ComplianceAuditPosition right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ComplianceAuditPosition left, ComplianceAuditPosition right) => left.CompareTo(right) >= 0;

    /// <summary><c>milliseconds-sequence</c>, as Redis writes stream ids.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Milliseconds}-{Sequence}");

    /// <summary>Reads <see cref="ToString"/>'s form; false for anything else (both parts whole, non-negative numbers).</summary>
    public static bool TryParse(string? text, out ComplianceAuditPosition position)
    {
        position = default;
        var dash = text?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        if (text is null || dash <= 0
            || !long.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            || !long.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return false;
        }

        position = new ComplianceAuditPosition(milliseconds, sequence);
        return true;
    }
}
