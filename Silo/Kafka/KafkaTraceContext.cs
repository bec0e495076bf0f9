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
    public static Headers? CurrentHeaders() => HeadersFor(CorrelationContext.CorrelationId);

    /// <summary>
    /// Enters the context of a consumed message for the rest of the calling async method: its correlation id (when
    /// it is one <see cref="RequestIdPolicy"/> accepts), a Consumer span under its <c>traceparent</c>, and a logging
    /// scope with both. Dispose ends the span and the scope.
    /// </summary>
    public static ConsumedMessageScope StartProcessing(ConsumeResult<byte[]?, byte[]?> source, ILogger logger) =>
        StartProcessing([source], logger);

    /// <summary>
    /// The same for messages processed together (a student's queued events): the span continues the first one's
    /// trace and links to the others', as OpenTelemetry has batch consumers do.
    /// </summary>
    public static ConsumedMessageScope StartProcessing(IReadOnlyList<ConsumeResult<byte[]?, byte[]?>> sources, ILogger logger)
    {
        var first = sources[0];
        var correlationId = CorrelationIdOf(first);
        CorrelationContext.CorrelationId = correlationId;

        var hasParent = TryParseContext(first, out var parent);
        var links = sources.Count == 1 ? null : LinksOf(sources);
        var name = "process " + first.Topic;
        var activity = MasteryActivitySource.Instance.StartActivity(name, ActivityKind.Consumer, hasParent ? parent : default, links: links);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("messaging.system", "kafka");
            activity.SetTag("messaging.operation.type", "process");
            activity.SetTag("messaging.destination.name", first.Topic);
            activity.SetTag("messaging.destination.partition.id", first.Partition.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            activity.SetTag("messaging.kafka.offset", first.Offset.Value);
            if (sources.Count > 1)
            {
                activity.SetTag("messaging.batch.message_count", sources.Count);
            }

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
    /// Headers for the outcome of a consumed message: that message's correlation id (each event of a batch keeps
    /// its own) and the current span, the one processing it.
    /// </summary>
    public static Headers? OutcomeHeaders(ConsumeResult<byte[]?, byte[]?> source) => HeadersFor(CorrelationIdOf(source));

    private static Headers? HeadersFor(string? correlationId)
    {
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

    private static string? CorrelationIdOf(ConsumeResult<byte[]?, byte[]?> source) =>
        Header(source.Message.Headers, CorrelationContext.HeaderName) is { } id && RequestIdPolicy.IsAcceptable(id) ? id : null;

    private static bool TryParseContext(ConsumeResult<byte[]?, byte[]?> source, out ActivityContext context) =>
        ActivityContext.TryParse(
            Header(source.Message.Headers, TraceParentHeader), Header(source.Message.Headers, TraceStateHeader), isRemote: true, out context);

    private static List<ActivityLink> LinksOf(IReadOnlyList<ConsumeResult<byte[]?, byte[]?>> sources)
    {
        var links = new List<ActivityLink>(sources.Count - 1);
        for (var i = 1; i < sources.Count; i++)
        {
            if (TryParseContext(sources[i], out var context))
            {
                links.Add(new ActivityLink(context));
            }
        }

        return links;
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
