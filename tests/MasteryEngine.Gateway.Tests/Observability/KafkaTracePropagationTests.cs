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
        var settings = cluster.Configuration(topics);
        settings["STREAM_PROVIDER"] = "kafka";
        await using var factory = new GatewayFactory("Development", settings);
        var student = TestTokens.NewId("student");
        var traceId = ActivityTraceId.CreateRandom();
        var requestId = "trace-test-" + Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/mastery/ingest")
        {
            Content = new StringContent(
                $$$"""{"event_type": "quiz", "student_id": "{{{student}}}", "data": {"score": 8, "max_score": 10}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        request.Headers.Add("X-Request-ID", requestId);

        using var accepted = await factory.ClientFor(TestTokens.Student(student)).SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);

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
}
