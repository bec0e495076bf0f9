using MasteryEngine.Testing;
using MasteryEngine.Testing.Kafka;

namespace MasteryEngine.Kafka.Tests;

public sealed class BackpressureTests(KafkaMockClusterFixture cluster) : IClassFixture<KafkaMockClusterFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_partition_whose_work_does_not_finish_is_held_at_its_in_flight_bound_paused_and_resumed_once_it_drains()
    {
        var topics = cluster.CreateTopics(requestPartitions: 1);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var grains = new RecordingGrainFactory { Gate = release.Task };
        using var host = await KafkaTestHost.StartAsync(cluster, topics, grains, new Dictionary<string, string?>
        {
            ["KAFKA_MAX_IN_FLIGHT_PER_PARTITION"] = "4",
        });
        using var metrics = new KafkaMetricsRecorder(host);
        var lines = Enumerable.Range(0, 40).Select(_ => TestEvents.NewStudentId())
            .Select(student => (student, TestEvents.Completion(student, student + "-e1", 1))).ToList();

        await Kcat.ProduceAsync(cluster.BootstrapServers, topics.Requests, lines);

        await Eventually.UntilAsync(() => Paused(metrics, topics) == 1, Patience, "the stuck partition paused");
        Assert.Equal(4, grains.ConcurrentCalls);
        Assert.Equal(0, grains.AppliedEventCount);

        release.SetResult();

        await Eventually.UntilAsync(() => grains.AppliedEventCount == lines.Count, Patience, "every event applied after the resume");
        await Eventually.UntilAsync(() => Paused(metrics, topics) == 0, Patience, "the partition resumed");
        Assert.Equal(4, grains.MaxConcurrentCalls);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_partition_revoked_while_paused_is_consumed_again_once_it_is_assigned_back()
    {
        var topics = cluster.CreateTopics(requestPartitions: 1);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var grains = new RecordingGrainFactory { Gate = release.Task };
        var settings = new Dictionary<string, string?>
        {
            ["KAFKA_MAX_IN_FLIGHT_PER_PARTITION"] = "4",
            // The revocation gives up the stuck work after a second instead of waiting for it.
            ["Kafka:DrainTimeoutMs"] = "1000",
        };
        using var host = await KafkaTestHost.StartAsync(cluster, topics, grains, settings);
        using var metrics = new KafkaMetricsRecorder(host);
        var lines = Enumerable.Range(0, 40).Select(_ => TestEvents.NewStudentId())
            .Select(student => (student, TestEvents.Completion(student, student + "-e1", 1))).ToList();
        await Kcat.ProduceAsync(cluster.BootstrapServers, topics.Requests, lines);
        await Eventually.UntilAsync(() => Paused(metrics, topics) == 1, Patience, "the stuck partition paused");

        // A second member joining and leaving makes the group take the partition away and give it back.
        using (var joining = await KafkaTestHost.StartAsync(cluster, topics, grains, settings))
        {
            await Eventually.UntilAsync(() => Paused(metrics, topics) == 0, Patience, "the paused partition revoked");
            await joining.StopAsync();
        }

        release.SetResult();

        await Eventually.UntilAsync(() => grains.AppliedEventCount == lines.Count, Patience, "every event applied after the partition came back");
        await host.StopAsync();
    }

    [Fact]
    public async Task In_flight_work_stays_within_the_bound_while_a_backlog_is_worked_off()
    {
        var topics = cluster.CreateTopics(requestPartitions: 3);
        var grains = new RecordingGrainFactory { CallDelay = TimeSpan.FromMilliseconds(1) };
        using var host = await KafkaTestHost.StartAsync(cluster, topics, grains, new Dictionary<string, string?>
        {
            ["KAFKA_MAX_IN_FLIGHT_PER_PARTITION"] = "3",
        });
        var students = Enumerable.Range(0, 60).Select(_ => TestEvents.NewStudentId()).ToList();
        var lines = Enumerable.Range(1, 5).SelectMany(i => students.Select(student => (student, TestEvents.Completion(student, $"{student}-e{i}", i)))).ToList();

        await Kcat.ProduceAsync(cluster.BootstrapServers, topics.Requests, lines);

        await Eventually.UntilAsync(() => grains.AppliedEventCount == lines.Count, Patience, "every event applied");
        Assert.InRange(grains.MaxConcurrentCalls, 1, 3 * 3);
        Assert.All(students, student => Assert.Equal(15, grains.Student(student).PointsSum));
        Assert.Equal(0, grains.DuplicateDeliveryCount);
        await host.StopAsync();
    }

    [Fact]
    public async Task Grain_calls_over_all_partitions_stay_within_the_concurrency_bound_and_held_back_events_still_apply()
    {
        var topics = cluster.CreateTopics(requestPartitions: 3);
        var grains = new RecordingGrainFactory { CallDelay = TimeSpan.FromMilliseconds(2) };
        using var host = await KafkaTestHost.StartAsync(cluster, topics, grains, new Dictionary<string, string?>
        {
            ["KAFKA_MAX_IN_FLIGHT_PER_PARTITION"] = "50",
            ["KAFKA_MAX_CONCURRENT_APPLIES"] = "2",
        });
        var students = Enumerable.Range(0, 60).Select(_ => TestEvents.NewStudentId()).ToList();
        var lines = Enumerable.Range(1, 4).SelectMany(i => students.Select(student => (student, TestEvents.Completion(student, $"{student}-e{i}", i)))).ToList();

        await Kcat.ProduceAsync(cluster.BootstrapServers, topics.Requests, lines);

        await Eventually.UntilAsync(() => grains.AppliedEventCount == lines.Count, Patience, "every event applied");
        Assert.Equal(2, grains.MaxConcurrentCalls);
        Assert.All(students, student => Assert.Equal(10, grains.Student(student).PointsSum));
        await host.StopAsync();
    }

    private static long Paused(KafkaMetricsRecorder metrics, KafkaTestTopics topics) =>
        metrics.PartitionGauges("kafka_consumer_partition_paused", topics.Requests).Sum();
}
