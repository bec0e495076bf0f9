using System.Text;
using MasteryEngine.Silo.Kafka;
using MasteryEngine.Testing;
using MasteryEngine.Testing.Kafka;

namespace MasteryEngine.Kafka.Tests;

public sealed class StudentLaneBatchingTests(KafkaMockClusterFixture cluster) : IClassFixture<KafkaMockClusterFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(100, 29)]
    [InlineData(10, 10)]
    public async Task A_student_events_queued_behind_a_running_write_go_to_the_grain_together_up_to_the_limit(int maxEventsPerWrite, int largestBatch)
    {
        var topics = cluster.CreateTopics(requestPartitions: 1);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var grains = new RecordingGrainFactory { Gate = release.Task };
        var student = TestEvents.NewStudentId();
        var lines = Enumerable.Range(1, 30).Select(i => (student, TestEvents.Completion(student, $"{student}-{i:D2}", i))).ToList();
        await Kcat.ProduceAsync(cluster.BootstrapServers, topics.Requests, lines);

        using var host = await KafkaTestHost.StartAsync(cluster, topics, grains, new Dictionary<string, string?>
        {
            ["KAFKA_MAX_EVENTS_PER_WRITE"] = maxEventsPerWrite.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var metrics = new KafkaMetricsRecorder(host);
        await Eventually.UntilAsync(() => CaughtUp(metrics, topics), Patience, "every message consumed while the first write is held");
        release.SetResult();

        await Eventually.UntilAsync(() => grains.AppliedEventCount == lines.Count, Patience, "every event applied");
        var applied = grains.Student(student);
        Assert.Equal(largestBatch, applied.LargestBatch);
        Assert.Equal(lines.Select(line => line.Item2).Select((_, i) => $"{student}-{i + 1:D2}"), applied.Applied.Select(e => e.EventId));
        Assert.Equal(465, applied.PointsSum);
        Assert.False(applied.CallsOverlapped);
        var results = await KafkaTopicReader.ReadAsync(cluster.BootstrapServers, topics.Results, lines.Count, Patience);
        Assert.Equal(lines.Count, results.Count);
        await host.StopAsync();
    }

    [Fact]
    public async Task An_event_the_grain_refuses_among_a_student_queued_events_is_dead_lettered_alone()
    {
        var topics = cluster.CreateTopics(requestPartitions: 1);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var student = TestEvents.NewStudentId();
        var refused = $"{student}-05";
        var grains = new RecordingGrainFactory
        {
            Gate = release.Task,
            Failures = (e, _) => e.EventId == refused ? new ArgumentException("data.score is out of range") : null,
        };
        var lines = Enumerable.Range(1, 10).Select(i => (student, TestEvents.Completion(student, $"{student}-{i:D2}", i))).ToList();
        await Kcat.ProduceAsync(cluster.BootstrapServers, topics.Requests, lines);

        using var host = await KafkaTestHost.StartAsync(cluster, topics, grains);
        using var metrics = new KafkaMetricsRecorder(host);
        await Eventually.UntilAsync(() => CaughtUp(metrics, topics), Patience, "every message consumed while the first write is held");
        release.SetResult();

        await Eventually.UntilAsync(() => grains.AppliedEventCount == lines.Count - 1, Patience, "every other event applied");
        var deadLetters = await KafkaTopicReader.ReadAsync(cluster.BootstrapServers, topics.DeadLetter, 1, Patience);
        var deadLetter = Assert.Single(deadLetters);
        Assert.Contains(refused, Encoding.UTF8.GetString(deadLetter.Message.Value!), StringComparison.Ordinal);
        Assert.Equal(DeadLetterReasons.ValidationFailed, TestEvents.Utf8String(deadLetter.Message.Headers.GetLastBytes(DeadLetterPublisher.ReasonHeader)));
        Assert.Equal(55 - 5, grains.Student(student).PointsSum);
        Assert.Equal(0, grains.DuplicateDeliveryCount);
        await host.StopAsync();
    }

    /// <summary>The backlog was produced before the consumer started, so no lag means every message was consumed.</summary>
    private static bool CaughtUp(KafkaMetricsRecorder metrics, KafkaTestTopics topics)
    {
        var lag = metrics.PartitionGauges("kafka_consumer_lag", topics.Requests);
        return lag.Count > 0 && lag.All(value => value == 0);
    }
}
