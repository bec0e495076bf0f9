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
        var grainCall = Assert.Single(spans, span => span.DisplayName == "IStudentMasteryGrain/CalculateAsync");
        Assert.Equal($"process {topics.Requests}", process.DisplayName);
        Assert.Equal(callerSpanId, process.ParentSpanId);
        Assert.Equal(requestId, process.GetTagItem("correlation_id"));
        Assert.Equal(process.SpanId, grainCall.ParentSpanId);
        Assert.Equal(student, grainCall.GetTagItem("grain.key"));

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
