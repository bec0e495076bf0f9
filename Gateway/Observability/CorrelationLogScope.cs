using System.Collections;

namespace MasteryEngine.Gateway.Observability;

/// <summary>The logging scope of one request: every log line written while it runs carries these fields.</summary>
internal sealed class CorrelationLogScope(string correlationId, string? traceId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => traceId is null ? 1 : 2;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("correlation_id", correlationId),
        1 when traceId is not null => new("trace_id", traceId),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => traceId is null
        ? $"correlation_id:{correlationId}"
        : $"correlation_id:{correlationId} trace_id:{traceId}";
}
