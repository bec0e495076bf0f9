using Confluent.Kafka;

namespace MasteryEngine.Testing.Kafka;

/// <summary>Reads a topic from the beginning, outside any consumer group, to check what landed on it.</summary>
public static class KafkaTopicReader
{
    /// <summary>Reads until at least <paramref name="expectedCount"/> messages arrived or the timeout passed, and returns what it has.</summary>
    public static Task<IReadOnlyList<ConsumeResult<byte[]?, byte[]?>>> ReadAsync(
        string bootstrapServers, string topic, int expectedCount, TimeSpan timeout) =>
        Task.Run<IReadOnlyList<ConsumeResult<byte[]?, byte[]?>>>(() => Read(bootstrapServers, topic, expectedCount, timeout));

    /// <summary>The group's committed offsets of every partition of the topic (Offset.Unset where none).</summary>
    public static Task<IReadOnlyList<TopicPartitionOffset>> CommittedAsync(string bootstrapServers, string groupId, string topic) =>
        Task.Run<IReadOnlyList<TopicPartitionOffset>>(() =>
        {
            using var consumer = Build(bootstrapServers, groupId);
            return consumer.Committed(Partitions(bootstrapServers, topic), TimeSpan.FromSeconds(10));
        });

    /// <summary>High watermark (offset after the last message) of every partition of the topic.</summary>
    public static Task<IReadOnlyList<TopicPartitionOffset>> EndOffsetsAsync(string bootstrapServers, string topic) =>
        Task.Run<IReadOnlyList<TopicPartitionOffset>>(() =>
        {
            using var consumer = Build(bootstrapServers, "reader-" + Guid.NewGuid().ToString("N"));
            return Partitions(bootstrapServers, topic)
                .Select(partition => new TopicPartitionOffset(partition, consumer.QueryWatermarkOffsets(partition, TimeSpan.FromSeconds(10)).High))
                .ToList();
        });

    private static List<ConsumeResult<byte[]?, byte[]?>> Read(string bootstrapServers, string topic, int expectedCount, TimeSpan timeout)
    {
        using var consumer = Build(bootstrapServers, "reader-" + Guid.NewGuid().ToString("N"));
        consumer.Assign(Partitions(bootstrapServers, topic).Select(partition => new TopicPartitionOffset(partition, Offset.Beginning)));
        var messages = new List<ConsumeResult<byte[]?, byte[]?>>();
        var deadline = DateTime.UtcNow + timeout;
        while (messages.Count < expectedCount && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { IsPartitionEOF: false } message)
            {
                messages.Add(message);
            }
        }

        return messages;
    }

    private static List<TopicPartition> Partitions(string bootstrapServers, string topic)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        var metadata = admin.GetMetadata(topic, TimeSpan.FromSeconds(10));
        return metadata.Topics.Single().Partitions.Select(partition => new TopicPartition(topic, partition.PartitionId)).ToList();
    }

    private static IConsumer<byte[]?, byte[]?> Build(string bootstrapServers, string groupId)
    {
        return new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = groupId,
            EnableAutoCommit = false,
            FetchWaitMaxMs = 10,
        }).SetLogHandler((_, _) => { }).Build();
    }
}
