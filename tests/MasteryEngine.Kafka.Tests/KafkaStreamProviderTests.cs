using System.Diagnostics;
using System.Text;
using System.Text.Json;
using MasteryEngine.Grains;
using Orleans.Runtime;
using MasteryEngine.Grains.Serialization;
using MasteryEngine.Silo.Kafka;
using MasteryEngine.Silo.Observability;
using MasteryEngine.Testing;
using MasteryEngine.Testing.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace MasteryEngine.Kafka.Tests;

public sealed class KafkaStreamProviderTests(KafkaMockClusterFixture cluster) : IClassFixture<KafkaMockClusterFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly Dictionary<string, string?> ProducerOnly = new() { ["KAFKA_CONSUMER_ENABLED"] = "false" };

    [Fact]
    public async Task A_learning_event_is_on_the_requests_topic_keyed_by_student_once_OnNextAsync_completes()
    {
        var topics = cluster.CreateTopics();
        using var host = await KafkaSiloHost.StartAsync(cluster, topics, overrides: ProducerOnly);
        var student = TestEvents.NewStudentId();
        var learningEvent = new LearningEvent(LearningEventTypes.Quiz, student, "e-1", DateTimeOffset.UnixEpoch, "loops", null,
            JsonDocument.Parse("""{"score":0.9}""").RootElement);

        await host.MasteryStreams()
            .GetStream<LearningEvent>(StreamId.Create(StreamNamespaces.LearningEvents, student))
            .OnNextAsync(learningEvent);

        var message = Assert.Single(await KafkaTopicReader.ReadAsync(cluster.BootstrapServers, topics.Requests, 1, Patience));
        Assert.Equal(student, Encoding.UTF8.GetString(message.Message.Key!));
        var read = JsonSerializer.Deserialize(message.Message.Value, MasteryJsonContext.Default.LearningEvent)!;
        Assert.Equal((learningEvent.EventType, learningEvent.EventId, learningEvent.Topic), (read.EventType, read.EventId, read.Topic));
        Assert.Contains("\"student_id\"", Encoding.UTF8.GetString(message.Message.Value!));
    }

    [Fact]
    public async Task A_published_event_carries_the_correlation_id_and_its_producer_span_as_traceparent()
    {
        using var recorder = new ActivityRecorder();
        var topics = cluster.CreateTopics();
        using var host = await KafkaSiloHost.StartAsync(cluster, topics, overrides: ProducerOnly);
        var student = TestEvents.NewStudentId();
        using var activity = new Activity("ingest").SetIdFormat(ActivityIdFormat.W3C).Start();
        CorrelationContext.CorrelationId = "req-42";
        try
        {
            await host.MasteryStreams()
                .GetStream<LearningEvent>(StreamId.Create(StreamNamespaces.LearningEvents, student))
                .OnNextAsync(new LearningEvent(LearningEventTypes.Quality, student, "e-2", DateTimeOffset.UnixEpoch, null, null,
                    JsonDocument.Parse("""{"score":0.5}""").RootElement));
        }
        finally
        {
            CorrelationContext.CorrelationId = null;
        }

        var message = Assert.Single(await KafkaTopicReader.ReadAsync(cluster.BootstrapServers, topics.Requests, 1, Patience));
        Assert.True(message.Message.Headers.TryGetLastBytes("X-Request-ID", out var correlation));
        Assert.Equal("req-42", Encoding.UTF8.GetString(correlation));
        Assert.True(message.Message.Headers.TryGetLastBytes("traceparent", out var traceParent));
        var send = Assert.Single(recorder.InTrace(activity.TraceId), span => span.Kind == ActivityKind.Producer);
        Assert.Equal($"send {topics.Requests}", send.DisplayName);
        Assert.Equal(activity.SpanId, send.ParentSpanId);
        Assert.Equal(send.Id, Encoding.UTF8.GetString(traceParent));
    }

    [Fact]
    public async Task A_milestone_is_on_the_events_topic_with_its_event_type()
    {
        var topics = cluster.CreateTopics();
        using var host = await KafkaSiloHost.StartAsync(cluster, topics, overrides: ProducerOnly);
        var student = TestEvents.NewStudentId();

        await host.MasteryStreams()
            .GetStream<MasteryThresholdReached>(StreamId.Create(StreamNamespaces.MasteryEvents, student))
            .OnNextAsync(new MasteryThresholdReached(student, DateTimeOffset.UnixEpoch, MasteryLevel.Developing, MasteryLevel.Proficient, 0.75));

        var message = Assert.Single(await KafkaTopicReader.ReadAsync(cluster.BootstrapServers, topics.Events, 1, Patience));
        using var json = JsonDocument.Parse(message.Message.Value);
        Assert.Equal(MasteryThresholdReached.EventType, json.RootElement.GetProperty("event_type").GetString());
        Assert.Equal("proficient", json.RootElement.GetProperty("level").GetString());
        Assert.Equal(student, Encoding.UTF8.GetString(message.Message.Key!));
    }

    [Fact]
    public async Task A_stream_namespace_without_a_topic_is_rejected()
    {
        var topics = cluster.CreateTopics();
        using var host = await KafkaSiloHost.StartAsync(cluster, topics, overrides: ProducerOnly);

        await Assert.ThrowsAsync<ArgumentException>(() => host.MasteryStreams()
            .GetStream<LearningEvent>(StreamId.Create("cohort-events", "c1"))
            .OnNextAsync(StreamPublishing.Quiz("c1", 0)));
    }

    [Fact]
    public async Task Readiness_names_missing_topics()
    {
        var topics = KafkaTestTopics.New();
        using var host = await KafkaSiloHost.StartAsync(cluster, topics, overrides: ProducerOnly);

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(check => check.Tags.Contains("ready"));

        Assert.Equal(HealthStatus.Unhealthy, report.Entries["kafka"].Status);
        Assert.Contains(topics.DeadLetter, report.Entries["kafka"].Description);
    }
}
