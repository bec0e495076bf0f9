using System.Diagnostics;
using System.Net;
using System.Text;
using MasteryEngine.Gateway.Tests.Infrastructure;
using MasteryEngine.Testing;
using MasteryEngine.Testing.Kafka;

namespace MasteryEngine.Gateway.Tests.Observability;

/// <summary>One trace from the HTTP request through the broker to the grain that applies the event.</summary>
public sealed class KafkaTracePropagationTests(KafkaMockClusterFixture cluster) : IClassFixture<KafkaMockClusterFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_grain_call_applying_an_ingested_event_on_the_consumer_side_continues_the_trace_of_the_http_request()
    {
        using var recorder = new ActivityRecorder();
        var topics = cluster.CreateTopics();
        await using var factory = KafkaGateway(topics);
        var student = TestTokens.NewId("student");
        var traceId = ActivityTraceId.CreateRandom();
        var requestId = "trace-test-" + Guid.NewGuid().ToString("N");
        await IngestQuizAsync(factory, student, traceId, requestId);

        var spans = await Eventually.UntilAsync(
            () => Task.FromResult(recorder.InTrace(traceId)),
            found => found.Any(span => span.Kind == ActivityKind.Consumer),
            "processing the consumed event, grain call included, finished in the request's trace",
            Patience);
        // Orleans traces a grain call twice: the caller's Client span and the grain's Server span under it.
        var apply = Assert.Single(spans, span => span.DisplayName.StartsWith("IStudentMasteryGrain/ApplyEvent", StringComparison.Ordinal) && span.Kind == ActivityKind.Client);
        Assert.Single(spans, span => span.ParentSpanId == apply.SpanId && span.Kind == ActivityKind.Server);
        var process = Assert.Single(spans, span => span.SpanId == apply.ParentSpanId);
        var send = Assert.Single(spans, span => span.SpanId == process.ParentSpanId);
        Assert.Equal(ActivityKind.Consumer, process.Kind);
        Assert.Equal(ActivityKind.Producer, send.Kind);
        Assert.Equal(requestId, process.GetTagItem("correlation_id"));
    }

    [Fact]
    public async Task The_result_record_of_an_ingested_event_ends_the_trace_of_the_http_request_under_the_grain_calls_span()
    {
        using var recorder = new ActivityRecorder();
        var topics = cluster.CreateTopics();
        await using var factory = KafkaGateway(topics);
        var student = TestTokens.NewId("student");
        var traceId = ActivityTraceId.CreateRandom();
        var requestId = "result-trace-" + Guid.NewGuid().ToString("N");
        await IngestQuizAsync(factory, student, traceId, requestId);

        var result = Assert.Single(
            await KafkaTopicReader.ReadAsync(cluster.BootstrapServers, topics.Results, 1, Patience),
            message => Encoding.UTF8.GetString(message.Message.Key!) == student);
        var traceParent = Header(result, "traceparent");
        Assert.True(ActivityContext.TryParse(traceParent, null, isRemote: true, out var resultContext), traceParent);
        Assert.Equal(traceId, resultContext.TraceId);
        Assert.Equal(requestId, Header(result, "X-Request-ID"));

        // HTTP request -> send mastery.requests -> process mastery.requests -> grain call (ApplyEvent) and the
        // result's send, whose span id the record carries.
        var spans = await Eventually.UntilAsync(
            () => Task.FromResult(recorder.InTrace(traceId)),
            found => found.Any(span => span.SpanId == resultContext.SpanId),
            "the result's Producer span finished in the request's trace",
            Patience);
        var resultSend = Assert.Single(spans, span => span.SpanId == resultContext.SpanId);
        Assert.Equal(ActivityKind.Producer, resultSend.Kind);
        Assert.Equal($"send {topics.Results}", resultSend.DisplayName);
        var process = Assert.Single(spans, span => span.SpanId == resultSend.ParentSpanId);
        Assert.Equal(ActivityKind.Consumer, process.Kind);
        Assert.Contains(spans, span => span.ParentSpanId == process.SpanId && span.Kind == ActivityKind.Client
            && span.DisplayName.StartsWith("IStudentMasteryGrain/ApplyEvent", StringComparison.Ordinal));
        var requestSend = Assert.Single(spans, span => span.SpanId == process.ParentSpanId);
        Assert.Equal($"send {topics.Requests}", requestSend.DisplayName);
    }

    private GatewayFactory KafkaGateway(KafkaTestTopics topics)
    {
        var settings = cluster.Configuration(topics);
        settings["STREAM_PROVIDER"] = "kafka";
        return new GatewayFactory("Development", settings);
    }

    /// <summary>Ingests a quiz for the student over HTTP in the given trace and request id; Kafka accepts it (202).</summary>
    private static async Task IngestQuizAsync(GatewayFactory factory, string student, ActivityTraceId traceId, string requestId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/mastery/ingest")
        {
            Content = new StringContent(
                $$$"""{"event_type": "quiz", "student_id": "{{{student}}}", "data": {"score": 8, "max_score": 10}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        request.Headers.Add("X-Request-ID", requestId);

        using var accepted = await factory.ClientFor(TestTokens.Student(student)).SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
    }

    private static string Header(Confluent.Kafka.ConsumeResult<byte[]?, byte[]?> message, string name) =>
        message.Message.Headers.TryGetLastBytes(name, out var value) ? Encoding.UTF8.GetString(value) : "";
}
