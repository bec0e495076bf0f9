namespace MasteryEngine.Grains;

/// <summary>
/// The positions a query may return: from the newer of the retention cut-off and <see cref="ComplianceAuditQuery.From"/>,
/// up to (not including) the older of <see cref="ComplianceAuditQuery.Until"/> and the cursor. Shared by both logs,
/// so they answer a query alike.
/// </summary>
public readonly record struct ComplianceAuditRange(ComplianceAuditPosition From, ComplianceAuditPosition Before)
{
    public static readonly ComplianceAuditPosition End = new(long.MaxValue, long.MaxValue);

    public bool IsEmpty => From >= Before;

    public static ComplianceAuditRange Of(ComplianceAuditQuery query, DateTimeOffset now, TimeSpan retention)
    {
        var from = Math.Max((now - retention).ToUnixTimeMilliseconds(), query.From?.ToUnixTimeMilliseconds() ?? 0);
        var before = query.Until is { } until ? ComplianceAuditPosition.Start(until.ToUnixTimeMilliseconds()) : End;
        if (query.Before is { } cursor && cursor < before)
        {
            before = cursor;
        }

        return new ComplianceAuditRange(ComplianceAuditPosition.Start(Math.Max(from, 0)), before);
    }
}
