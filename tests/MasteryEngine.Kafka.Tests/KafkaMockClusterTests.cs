using System.Diagnostics;
using Confluent.Kafka;
using MasteryEngine.Silo.Kafka;
using MasteryEngine.Testing.Kafka;

namespace MasteryEngine.Kafka.Tests;

public sealed class KafkaMockClusterTests(KafkaMockClusterFixture cluster) : IClassFixture<KafkaMockClusterFixture>
{
    /// <summary>A real broker's <c>group.initial.rebalance.delay.ms</c>, which the mock had before librdkafka 2.16 too.</summary>
    private static readonly TimeSpan BrokerInitialRebalanceDelay = TimeSpan.FromSeconds(3);

    [Fact]
    public void A_new_classic_group_gets_its_first_assignment_without_the_initial_rebalance_delay()
    {
        var topics = cluster.CreateTopics(requestPartitions: 2);
        var assigned = new ManualResetEventSlim();
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            GroupId = topics.GroupId,
            GroupProtocol = GroupProtocol.Classic,
        }).SetPartitionsAssignedHandler((_, _) => assigned.Set()).SetLogHandler((_, _) => { }).Build();

        var clock = Stopwatch.StartNew();
        consumer.Subscribe(topics.Requests);
        while (!assigned.IsSet && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            consumer.Consume(TimeSpan.FromMilliseconds(20));
        }

        Assert.True(assigned.IsSet, "no assignment within 30 s");
        Assert.True(clock.Elapsed < BrokerInitialRebalanceDelay, $"the first assignment took {clock.Elapsed.TotalMilliseconds:F0} ms");
        consumer.Close();
    }

    [Fact]
    public void Confluent_Kafka_and_the_mock_cluster_map_one_and_the_same_native_librdkafka()
    {
        using var producer = TestEvents.Producer(cluster.BootstrapServers);

        var librdkafkaFiles = File.ReadAllLines("/proc/self/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(5))
            .OfType<string>()
            .Where(path => Path.GetFileName(path).Contains("librdkafka", StringComparison.Ordinal))
            .Distinct()
            .ToList();

        Assert.Equal(BundledLibrdkafka.FileName, Path.GetFileName(Assert.Single(librdkafkaFiles)));
    }
}
