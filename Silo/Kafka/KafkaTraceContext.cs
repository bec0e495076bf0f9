using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using MasteryEngine.Silo.Observability;
using Microsoft.Extensions.Logging;

namespace MasteryEngine.Silo.Kafka;

/// <summary>
/// The request's context on Kafka messages, both ways: what is produced carries the correlation id
/// (<c>X-Request-ID</c>) and the W3C <c>traceparent</c>/<c>tracestate</c> of the current span; what is consumed is
/// processed in a Consumer span whose parent is that <c>traceparent</c>, with the correlation id restored, so the
/// grain calls, logs and messages that follow belong to the request that caused them.
/// </summary>
internal static class KafkaTraceContext
{
    public const string TraceParentHeader = "traceparent";
    public const string TraceStateHeader = "tracestate";

    /// <summary>A Producer span around one send (none without a listener).</summary>
    public static Activity? StartSend(string topic, string key)
    {
        var activity = MasteryActivitySource.Instance.StartActivity("send " + topic, ActivityKind.Producer);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("messaging.system", "kafka");
            activity.SetTag("messaging.operation.type", "send");
            activity.SetTag("messaging.destination.name", topic);
            activity.SetTag("messaging.kafka.message.key", key);
        }

        return activity;
    }

    /// <summary>Headers for a message produced now: the correlation id and the current span (null when there is neither).</summary>
    public static Headers? CurrentHeaders()
    {
        var correlationId = CorrelationContext.CorrelationId;
        var activity = Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current : null;
        if (correlationId is null && activity is null)
        {
            return null;
        }

        var headers = new Headers();
        if (correlationId is not null)
        {
            headers.Add(CorrelationContext.HeaderName, Encoding.UTF8.GetBytes(correlationId));
        }

        if (activity is { Id: { } traceParent })
        {
            headers.Add(TraceParentHeader, Encoding.UTF8.GetBytes(traceParent));
            if (activity.TraceStateString is { Length: > 0 } traceState)
            {
                headers.Add(TraceStateHeader, Encoding.UTF8.GetBytes(traceState));
            }
        }

        return headers;
    }

    /// <summary>
    /// Enters the context of a consumed message for the rest of the calling async method: its correlation id (when
    /// it is one <see cref="RequestIdPolicy"/> accepts), a Consumer span under its <c>traceparent</c>, and a logging
    /// scope with both. Dispose ends the span and the scope.
    /// </summary>
    public static ConsumedMessageScope StartProcessing(ConsumeResult<byte[]?, byte[]?> source, ILogger logger)
    {
        var headers = source.Message.Headers;
        var correlationId = Header(headers, CorrelationContext.HeaderName) is { } id && RequestIdPolicy.IsAcceptable(id) ? id : null;
        CorrelationContext.CorrelationId = correlationId;

        var hasParent = ActivityContext.TryParse(Header(headers, TraceParentHeader), Header(headers, TraceStateHeader), isRemote: true, out var parent);
        var name = "process " + source.Topic;
        var activity = MasteryActivitySource.Instance.StartActivity(name, ActivityKind.Consumer, hasParent ? parent : default);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("messaging.system", "kafka");
            activity.SetTag("messaging.operation.type", "process");
            activity.SetTag("messaging.destination.name", source.Topic);
            activity.SetTag("messaging.destination.partition.id", source.Partition.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            activity.SetTag("messaging.kafka.offset", source.Offset.Value);
            activity.SetTag("correlation_id", correlationId);
        }

        activity ??= PropagationOnly(name, hasParent, parent);

        var traceId = activity?.TraceId.ToHexString();
        var logScope = correlationId is null && traceId is null
            ? null
            : logger.BeginScope(new KeyValuePair<string, object?>[] { new("correlation_id", correlationId), new("trace_id", traceId) });
        return new ConsumedMessageScope(activity, logScope);
    }

    /// <summary>
    /// Without a listener nothing is recorded, but the trace still has to reach what this message causes (the
    /// milestones' headers), as ASP.NET Core does for requests: an activity outside any source carries it.
    /// </summary>
    private static Activity? PropagationOnly(string name, bool hasParent, ActivityContext parent) =>
        hasParent ? new Activity(name).SetParentId(parent.TraceId, parent.SpanId, parent.TraceFlags).Start() : null;

    private static string? Header(Headers? headers, string name) =>
        headers is not null && headers.TryGetLastBytes(name, out var value) && value is not null ? Encoding.UTF8.GetString(value) : null;
}
