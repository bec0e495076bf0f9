using MasteryEngine.Silo.Kafka;
using MasteryEngine.Testing;
using MasteryEngine.Testing.Kafka;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace MasteryEngine.Kafka.Tests;

public sealed class ConsumerGroupFailoverTests(KafkaMockClusterFixture cluster, ITestOutputHelper output) : IClassFixture<KafkaMockClusterFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <remarks>
    /// The killed silo is simulated in process: its consumer stops polling and is disposed without committing or
    /// leaving the group (librdkafka's destroy without consumer close), and its in-flight grain calls are
    /// abandoned, so the broker only notices when the session times out, as with a killed process. Both silos share
    /// one grain directory here, standing in for the storage the real silos share.
    /// </remarks>
    [Theory]
    [InlineData(KafkaGroupProtocol.Classic)]
    [InlineData(KafkaGroupProtocol.Consumer)]
    public async Task After_one_of_two_silos_is_killed_mid_stream_every_event_is_applied_exactly_once(string groupProtocol)
    {
        var topics = cluster.CreateTopics(requestPartitions: 6);
        var grains = new RecordingGrainFactory { CallDelay = TimeSpan.FromMilliseconds(2) };
        var students = Enumerable.Range(0, 40).Select(_ => TestEvents.NewStudentId()).ToList();
        var firstHalf = Events(students, 1, 25);
        var secondHalf = Events(students, 26, 50);
        using var survivor = await KafkaTestHost.StartAsync(cluster, topics, grains, groupProtocol: groupProtocol);
        var victim = await KafkaTestHost.StartAsync(cluster, topics, grains, groupProtocol: groupProtocol);
        try
        {
            await Kcat.ProduceAsync(cluster.BootstrapServers, topics.Requests, firstHalf);
            await Eventually.UntilAsync(() => grains.AppliedEventCount >= firstHalf.Count / 2, Patience, "processing under way");

            var consumer = victim.Consumer();
            consumer.SimulateCrash();
            await consumer.ExecuteTask!;
            await Kcat.ProduceAsync(cluster.BootstrapServers, topics.Requests, secondHalf);

            await Eventually.UntilAsync(() => grains.AppliedEventCount == firstHalf.Count + secondHalf.Count, Patience, "every event applied");
            var expectedSum = Enumerable.Range(1, 50).Sum();
            Assert.All(students, student => Assert.Equal(expectedSum, grains.Student(student).PointsSum));
            Assert.All(students, student => Assert.Equal(50, grains.Student(student).Applied.Select(e => e.EventId).Distinct().Count()));
            await Eventually.UntilAsync(async () => await AllCommittedAsync(topics), Patience, "every offset committed by the survivor");
            output.WriteLine($"redelivered after the kill (ignored by the grains): {grains.DuplicateDeliveryCount}");
        }
        finally
        {
            victim.Dispose();
        }

        await survivor.StopAsync();
    }

    private async Task<bool> AllCommittedAsync(KafkaTestTopics topics)
    {
        var committed = await KafkaTopicReader.CommittedAsync(cluster.BootstrapServers, topics.GroupId, topics.Requests);
        var ends = await KafkaTopicReader.EndOffsetsAsync(cluster.BootstrapServers, topics.Requests);
        // A partition that never received a message has nothing to commit.
        return ends.All(end => end.Offset == 0 || committed.Single(c => c.Partition == end.Partition).Offset == end.Offset);
    }

    private static List<(string, string)> Events(List<string> students, int from, int to) =>
        [.. Enumerable.Range(from, to - from + 1).SelectMany(i => students.Select(s => (s, TestEvents.Completion(s, $"{s}-{i}", i))))];
}
