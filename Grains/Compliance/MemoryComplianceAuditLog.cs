using Microsoft.Extensions.Options;

namespace MasteryEngine.Grains;

/// <summary>
/// The audit log of the embedded one-silo mode, in this process's memory like the rest of that mode's state: one
/// <see cref="ComplianceAuditStream"/> for the whole log and one per student (so a student's trail is read without
/// scanning everyone's). Each append trims what has passed the retention period; a read never returns it.
/// </summary>
public sealed class MemoryComplianceAuditLog(IOptions<ComplianceAuditOptions> options, TimeProvider time) : IComplianceAuditLog
{
    private readonly Lock gate = new();
    private readonly ComplianceAuditStream log = new();
    private readonly Dictionary<string, ComplianceAuditStream> byStudent = new(StringComparer.Ordinal);

    public Task<ComplianceAuditPosition> AppendAsync(ComplianceAuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var now = time.GetUtcNow();
        lock (gate)
        {
            var position = log.Append(record, now.ToUnixTimeMilliseconds());
            if (!byStudent.TryGetValue(record.StudentId, out var trail))
            {
                trail = new ComplianceAuditStream();
                byStudent.Add(record.StudentId, trail);
            }

            trail.Add(position, record);
            Trim((now - options.Value.Retention).ToUnixTimeMilliseconds());
            return Task.FromResult(position);
        }
    }

    public Task<ComplianceAuditPage> ReadAsync(ComplianceAuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var range = ComplianceAuditRange.Of(query, time.GetUtcNow(), options.Value.Retention);
        lock (gate)
        {
            var stream = query.StudentId is null ? log : byStudent.GetValueOrDefault(query.StudentId);
            if (stream is null || range.IsEmpty)
            {
                return Task.FromResult(new ComplianceAuditPage([], null));
            }

            var (page, more) = stream.Newest(range.From, range.Before, query.Limit);
            return Task.FromResult(new ComplianceAuditPage(
                [.. page.Select(entry => entry.Record)],
                more ? page[^1].Position : null));
        }
    }

    private void Trim(long cutoff)
    {
        foreach (var student in log.TrimBefore(cutoff).Select(record => record.StudentId).Distinct(StringComparer.Ordinal))
        {
            if (byStudent.TryGetValue(student, out var trail))
            {
                trail.TrimBefore(cutoff);
                if (trail.Count == 0)
                {
                    byStudent.Remove(student);
                }
            }
        }
    }
}
