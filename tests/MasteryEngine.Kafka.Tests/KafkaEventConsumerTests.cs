using System.Text.Json;
using Confluent.Kafka;
using MasteryEngine.Grains;
using MasteryEngine.Grains.Serialization;
using MasteryEngine.Silo.Kafka;
using MasteryEngine.Silo.Storage;
using Orleans.Storage;
using MasteryEngine.Testing;
using MasteryEngine.Testing.Kafka;

namespace MasteryEngine.Kafka.Tests;

public sealed class KafkaEventConsumerTests(KafkaMockClusterFixture cluster) : IClassFixture<KafkaMockClusterFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(KafkaGroupProtocol.Classic)]
    [InlineData(KafkaGroupProtocol.Consumer)]
    public async Task Events_produced_with_kcat_change_grain_state_and_report_results(string groupProtocol)
    {
        var topics = cluster.CreateTopics();
        var grains = new RecordingGrainFactory();
        using var host = await KafkaTestHost.StartAsync(cluster, topics, grains, groupProtocol: groupProtocol);
        using var metrics = new KafkaMetricsRecorder(host);
        var students = Enumerable.Range(0, 5).Select(_ => TestEvents.NewStudentId()).ToList();
        var lines = students.SelectMany(student => Enumerable.Range(1, 10)
            .Select(i => (student, TestEvents.Completion(student, $"{student}-e{i}", i)))).ToList();

        await Kcat.ProduceAsync(cluster.BootstrapServers, topics.Requests, lines);

        await Eventually.UntilAsync(() => grains.AppliedEventCount == lines.Count, Patience, "every event applied");
        Assert.All(students, student => Assert.Equal(55, grains.Student(student).PointsSum));
        var results = await KafkaTopicReader.ReadAsync(cluster.BootstrapServers, topics.Results, lines.Count, Patience);
        var outcomes = results.Select(r => JsonSerializer.Deserialize(r.Message.Value, MasteryJsonContext.Default.EventApplyResult)!).ToList();
        Assert.Equal(lines.Count, outcomes.Count(o => o.Applied));
        Assert.All(results, r => Assert.Equal(JsonSerializer.Deserialize(r.Message.Value, MasteryJsonContext.Default.EventApplyResult)!.StudentId, TestEvents.Utf8String(r.Message.Key)));
        Assert.Equal(lines.Count, metrics.Total("mastery_event_processing_latency_seconds:count"));
        await Eventually.UntilAsync(() =>
        {
            var lag = metrics.PartitionGauges("kafka_consumer_lag", topics.Requests);
            return lag.Count > 0 && lag.All(value => value == 0);
        }, Patience, "lag reported per partition, caught up");
        await host.StopAsync();
    }

    [Fact]
    public async Task A_student_events_are_applied_in_offset_order_one_at_a_time()
    {
        var topics = cluster.CreateTopics(requestPartitions: 1);
        var grains = new RecordingGrainFactory { CallDelay = TimeSpan.FromMilliseconds(1) };
        using var host = await KafkaTestHost.StartAsync(cluster, topics, grains);
        var students = Enumerable.Range(0, 4).Select(_ => TestEvents.NewStudentId()).ToList();
        var lines = Enumerable.Range(1, 50).SelectMany(i => students.Select(student => (student, TestEvents.Completion(student, $"{student}-{i:D3}", i)))).ToList();

        await Kcat.ProduceAsync(cluster.BootstrapServers, topics.Requests, lines);

        await Eventually.UntilAsync(() => grains.AppliedEventCount == lines.Count, Patience, "every event applied");
        foreach (var student in students.Select(grains.Student))
        {
            var ids = student.Applied.Select(e => e.EventId).ToList();
            Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
            Assert.False(student.CallsOverlapped);
        }

        await host.StopAsync();
    }

    [Fact]
    public async Task A_missing_event_id_and_timestamp_are_filled_in_from_the_message()
    {
        var topics = cluster.CreateTopics(requestPartitions: 1);
        var grains = new RecordingGrainFactory();
        using var host = await KafkaTestHost.StartAsync(cluster, topics, grains);
        var student = TestEvents.NewStudentId();

        await Kcat.ProduceAsync(cluster.BootstrapServers, topics.Requests, [(student, TestEvents.WithoutEventId(student, 3))]);

        await Eventually.UntilAsync(() => grains.Student(student).Applied.Count == 1, Patience, "event applied");
        var applied = grains.Student(student).Applied.Single();
        Assert.Equal($"kafka:{topics.Requests}:0:0", applied.EventId);
        Assert.True(applied.Timestamp > DateTimeOffset.UtcNow.AddHours(-1));
        await host.StopAsync();
    }

    [Fact]
    public async Task Transient_storage_failures_are_retried_without_skipping_or_reordering()
    {
        var topics = cluster.CreateTopics(requestPartitions: 1);
        var student = TestEvents.NewStudentId();
        var grains = new RecordingGrainFactory
        {
            Failures = (e, deliveries) => e.EventId == $"{student}-1" && deliveries < 4
                ? (deliveries % 2 == 0 ? new StorageUnavailableException("redis down") : new InconsistentStateException("etag moved"))
                : null,
        };
        using var host = await KafkaTestHost.StartAsync(cluster, topics, grains);

        await Kcat.ProduceAsync(cluster.BootstrapServers, topics.Requests,
            [(student, TestEvents.Completion(student, $"{student}-1", 1)), (student, TestEvents.Completion(student, $"{student}-2", 2))]);

        await Eventually.UntilAsync(() => grains.Student(student).Applied.Count == 2, Patience, "both events applied");
        Assert.Equal([$"{student}-1", $"{student}-2"], grains.Student(student).Applied.Select(e => e.EventId));
        var deadLetters = await KafkaTopicReader.ReadAsync(cluster.BootstrapServers, topics.DeadLetter, 1, TimeSpan.FromSeconds(1));
        Assert.Empty(deadLetters);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_calculation_request_on_the_requests_topic_sets_the_components()
    {
        var topics = cluster.CreateTopics(requestPartitions: 1);
        var grains = new RecordingGrainFactory();
        using var host = await KafkaTestHost.StartAsync(cluster, topics, grains);
        var student = TestEvents.NewStudentId();
        var request = "{\"event_type\":\"mastery.calculation.requested\",\"student_id\":\"" + student +
            "\",\"data\":{\"components\":{\"completion\":0.8,\"quiz\":0.6,\"quality\":0.4,\"consistency\":0.2}}}";

        await Kcat.ProduceAsync(cluster.BootstrapServers, topics.Requests, [(student, request)]);

        await Eventually.UntilAsync(() => grains.Student(student).Calculations.Count == 1, Patience, "calculation requested");
        Assert.Equal(new ComponentScores(0.8, 0.6, 0.4, 0.2), grains.Student(student).Calculations.Single());
        var result = Assert.Single(await KafkaTopicReader.ReadAsync(cluster.BootstrapServers, topics.Results, 1, Patience));
        var outcome = JsonSerializer.Deserialize(result.Message.Value, MasteryJsonContext.Default.EventApplyResult)!;
        Assert.Equal(0.5, outcome.MasteryScore, 6);
        await host.StopAsync();
    }

    [Theory]
    [InlineData(KafkaGroupProtocol.Classic)]
    [InlineData(KafkaGroupProtocol.Consumer)]
    public async Task Offsets_are_committed_so_a_restarted_consumer_does_not_reprocess(string groupProtocol)
    {
        var topics = cluster.CreateTopics(requestPartitions: 3);
        var grains = new RecordingGrainFactory();
        var students = Enumerable.Range(0, 6).Select(_ => TestEvents.NewStudentId()).ToList();
        var lines = students.SelectMany(s => Enumerable.Range(1, 20).Select(i => (s, TestEvents.Completion(s, $"{s}-{i}", i)))).ToList();
        using (var first = await KafkaTestHost.StartAsync(cluster, topics, grains, groupProtocol: groupProtocol))
        {
            await Kcat.ProduceAsync(cluster.BootstrapServers, topics.Requests, lines);
            await Eventually.UntilAsync(() => grains.AppliedEventCount == lines.Count, Patience, "every event applied");
            await first.StopAsync();
        }

        var committed = await KafkaTopicReader.CommittedAsync(cluster.BootstrapServers, topics.GroupId, topics.Requests);
        var ends = await KafkaTopicReader.EndOffsetsAsync(cluster.BootstrapServers, topics.Requests);
        Assert.Equal(
            ends.OrderBy(o => o.Partition.Value).Select(o => o.Offset.Value),
            committed.OrderBy(o => o.Partition.Value).Select(o => o.Offset == Offset.Unset ? 0 : o.Offset.Value));

        using var second = await KafkaTestHost.StartAsync(cluster, topics, grains, groupProtocol: groupProtocol);
        var late = TestEvents.NewStudentId();
        await Kcat.ProduceAsync(cluster.BootstrapServers, topics.Requests, [(late, TestEvents.Completion(late, $"{late}-1", 1))]);
        await Eventually.UntilAsync(() => grains.Student(late).Applied.Count == 1, Patience, "the new event applied");
        Assert.Equal(0, grains.DuplicateDeliveryCount);
        await second.StopAsync();
    }
}
