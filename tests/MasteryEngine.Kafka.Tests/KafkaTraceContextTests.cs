using System.Diagnostics;
using System.Text.Json;
using Confluent.Kafka;
using MasteryEngine.Silo.Kafka;
using MasteryEngine.Silo.Observability;
using MasteryEngine.Testing;
using MasteryEngine.Testing.Kafka;
using Microsoft.Extensions.Logging.Abstractions;

namespace MasteryEngine.Kafka.Tests;

public sealed class KafkaTraceContextTests(KafkaMockClusterFixture cluster) : IClassFixture<KafkaMockClusterFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_consumed_event_is_processed_in_a_consumer_span_under_its_traceparent_and_its_milestones_carry_the_request()
    {
        using var recorder = new ActivityRecorder();
        var topics = cluster.CreateTopics();
        using var silo = await KafkaSiloHost.StartAsync(cluster, topics);
        var student = TestEvents.NewStudentId();
        var (traceId, callerSpanId) = (ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom());
        var requestId = "req-" + Guid.NewGuid().ToString("N");
        using (var producer = TestEvents.Producer(cluster.BootstrapServers))
        {
            await producer.ProduceAsync(topics.Requests, new Message<byte[]?, byte[]?>
            {
                Key = TestEvents.Utf8(student),
                Value = TestEvents.Utf8(CalculationRequest(student)),
                Headers = new Headers
                {
                    { "traceparent", TestEvents.Utf8($"00-{traceId}-{callerSpanId}-01") },
                    { "X-Request-ID", TestEvents.Utf8(requestId) },
                },
            });
        }

        var spans = await Eventually.UntilAsync(
            () => Task.FromResult(recorder.InTrace(traceId)),
            found => found.Any(span => span.Kind == ActivityKind.Consumer),
            "the consumer span of the event is finished",
            Patience);
        var process = Assert.Single(spans, span => span.Kind == ActivityKind.Consumer);
        // Orleans traces a grain call twice: the caller's Client span, and the grain's Server span under it.
        var grainCall = Assert.Single(spans, span => span.DisplayName == "IStudentMasteryGrain/CalculateAsync" && span.Kind == ActivityKind.Client);
        Assert.Equal($"process {topics.Requests}", process.DisplayName);
        Assert.Equal(callerSpanId, process.ParentSpanId);
        Assert.Equal(requestId, process.GetTagItem("correlation_id"));
        Assert.Equal(process.SpanId, grainCall.ParentSpanId);
        Assert.Single(spans, span => span.ParentSpanId == grainCall.SpanId && span.Kind == ActivityKind.Server);

        var milestones = await Eventually.UntilAsync(
            () => KafkaTopicReader.ReadAsync(cluster.BootstrapServers, topics.Events, int.MaxValue, TimeSpan.FromSeconds(2)),
            read => read.Any(m => TestEvents.Utf8String(m.Message.Key) == student),
            "a milestone of the student on the events topic",
            Patience);
        var milestone = milestones.First(m => TestEvents.Utf8String(m.Message.Key) == student);
        Assert.True(milestone.Message.Headers.TryGetLastBytes("X-Request-ID", out var correlation));
        Assert.Equal(requestId, TestEvents.Utf8String(correlation));
        Assert.True(milestone.Message.Headers.TryGetLastBytes("traceparent", out var traceParent));
        Assert.Equal(traceId, ActivityContext.Parse(TestEvents.Utf8String(traceParent)!, null).TraceId);
    }

    [Fact]
    public async Task Events_applied_together_run_in_one_span_linked_to_each_trace_and_each_result_carries_its_own_request_id()
    {
        using var recorder = new ActivityRecorder();
        var topics = cluster.CreateTopics(requestPartitions: 1);
        var student = TestEvents.NewStudentId();
        var sent = Enumerable.Range(1, 3).Select(i => (EventId: $"{student}-{i}", RequestId: $"req-{i}-{Guid.NewGuid():N}", Trace: ActivityTraceId.CreateRandom(), Span: ActivitySpanId.CreateRandom())).ToList();
        using (var producer = TestEvents.Producer(cluster.BootstrapServers))
        {
            foreach (var (eventId, requestId, trace, span) in sent)
            {
                await producer.ProduceAsync(topics.Requests, new Message<byte[]?, byte[]?>
                {
                    Key = TestEvents.Utf8(student),
                    Value = TestEvents.Utf8(TestEvents.Completion(student, eventId, 1)),
                    Headers = new Headers { { "traceparent", TestEvents.Utf8($"00-{trace}-{span}-01") }, { "X-Request-ID", TestEvents.Utf8(requestId) } },
                });
            }
        }

        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var grains = new RecordingGrainFactory { Gate = release.Task };
        using var host = await KafkaTestHost.StartAsync(cluster, topics, grains);
        using var metrics = new KafkaMetricsRecorder(host);
        await Eventually.UntilAsync(() => metrics.PartitionGauges("kafka_consumer_lag", topics.Requests) is [0], Patience, "all three consumed while the first is held");
        release.SetResult();

        var results = await KafkaTopicReader.ReadAsync(cluster.BootstrapServers, topics.Results, sent.Count, Patience);
        Assert.Equal(2, grains.Student(student).LargestBatch);
        var requestIdByEvent = results.ToDictionary(
            result => JsonSerializer.Deserialize(result.Message.Value, Grains.Serialization.MasteryJsonContext.Default.EventApplyResult)!.EventId,
            result => result.Message.Headers.TryGetLastBytes("X-Request-ID", out var id) ? TestEvents.Utf8String(id) : null);
        Assert.Equal(sent.ToDictionary(e => e.EventId, e => (string?)e.RequestId), requestIdByEvent);
        var together = await Eventually.UntilAsync(
            () => Task.FromResult(recorder.InTrace(sent[1].Trace)),
            spans => spans.Any(span => span.Kind == ActivityKind.Consumer),
            "the span of the two events applied together",
            Patience);
        var batch = Assert.Single(together, span => span.Kind == ActivityKind.Consumer);
        Assert.Equal(sent[1].Span, batch.ParentSpanId);
        Assert.Equal(2, batch.GetTagItem("messaging.batch.message_count"));
        Assert.Equal([sent[2].Trace], batch.Links.Select(link => link.Context.TraceId));
        await host.StopAsync();
    }

    [Fact]
    public async Task Processing_a_message_restores_its_correlation_id_only_while_it_runs()
    {
        var message = Consumed(new Headers { { "X-Request-ID", TestEvents.Utf8("req-7") } });

        var seen = await ProcessAsync(message);

        Assert.Equal("req-7", seen);
        Assert.Null(CorrelationContext.CorrelationId);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("<script>")]
    public async Task An_unsafe_correlation_id_on_a_consumed_message_is_not_restored(string unsafeId)
    {
        var message = Consumed(new Headers { { "X-Request-ID", TestEvents.Utf8(unsafeId) } });

        Assert.Null(await ProcessAsync(message));
    }

    [Fact]
    public async Task A_message_without_headers_is_processed_without_a_correlation_id_even_inside_another_request()
    {
        CorrelationContext.CorrelationId = "the-caller";
        try
        {
            Assert.Null(await ProcessAsync(Consumed(headers: null)));
        }
        finally
        {
            CorrelationContext.CorrelationId = null;
        }
    }

    /// <summary>What code running for the message sees as correlation id, as the processor's async flow has it.</summary>
    private static async Task<string?> ProcessAsync(ConsumeResult<byte[]?, byte[]?> message)
    {
        using var scope = KafkaTraceContext.StartProcessing(message, NullLogger.Instance);
        await Task.Yield();
        return CorrelationContext.CorrelationId;
    }

    private static ConsumeResult<byte[]?, byte[]?> Consumed(Headers? headers) => new()
    {
        Topic = "mastery.requests",
        Partition = new Partition(0),
        Offset = new Offset(42),
        Message = new Message<byte[]?, byte[]?> { Key = TestEvents.Utf8("student-1"), Value = TestEvents.Utf8("{}"), Headers = headers },
    };

    private static string CalculationRequest(string student) => JsonSerializer.Serialize(new
    {
        event_type = "mastery.calculation.requested",
        student_id = student,
        event_id = "calc-1",
        data = new { components = new { completion = 0.95, quiz = 0.95, quality = 0.95, consistency = 0.95 } },
    });
}
