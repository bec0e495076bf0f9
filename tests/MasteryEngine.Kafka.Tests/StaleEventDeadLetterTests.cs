using System.Globalization;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using MasteryEngine.Grains;
using MasteryEngine.Grains.Serialization;
using MasteryEngine.Silo.Kafka;
using MasteryEngine.Testing;
using MasteryEngine.Testing.Kafka;
using Microsoft.Extensions.DependencyInjection;

namespace MasteryEngine.Kafka.Tests;

/// <summary>
/// With the real mastery grains: an event older than <c>IDEMPOTENCY_WINDOW_DAYS</c> (a DLQ replay, a rewound
/// consumer) is not applied but dead-lettered as <c>stale</c>, with the Kafka Connect error headers, unchanged,
/// while a fresh event of the same student behind it is applied.
/// </summary>
public sealed class StaleEventDeadLetterTests(KafkaMockClusterFixture cluster) : IClassFixture<KafkaMockClusterFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static string Quiz(string studentId, string eventId, DateTimeOffset timestamp) =>
        $$$"""{"event_type":"quiz","student_id":"{{{studentId}}}","event_id":"{{{eventId}}}","timestamp":"{{{timestamp.ToString("O", CultureInfo.InvariantCulture)}}}","data":{"score":9,"max_score":10}}""";

    [Fact]
    public async Task An_event_older_than_the_idempotency_window_goes_to_the_dead_letter_topic_as_stale_and_is_not_applied()
    {
        var topics = cluster.CreateTopics(requestPartitions: 1);
        using var silo = await KafkaSiloHost.StartAsync(cluster, topics, overrides: new Dictionary<string, string?> { ["IDEMPOTENCY_WINDOW_DAYS"] = "7" });
        using var producer = TestEvents.Producer(cluster.BootstrapServers);
        var student = TestEvents.NewStudentId();
        var staleValue = TestEvents.Utf8(Quiz(student, "replayed-1", DateTimeOffset.UtcNow.AddDays(-8)));

        var stale = await producer.ProduceAsync(topics.Requests, new Message<byte[]?, byte[]?> { Key = TestEvents.Utf8(student), Value = staleValue });
        await producer.ProduceAsync(topics.Requests, new Message<byte[]?, byte[]?>
        {
            Key = TestEvents.Utf8(student),
            Value = TestEvents.Utf8(Quiz(student, "fresh-1", DateTimeOffset.UtcNow)),
        });

        var deadLetter = Assert.Single(await KafkaTopicReader.ReadAsync(cluster.BootstrapServers, topics.DeadLetter, 1, Patience));
        var results = await KafkaTopicReader.ReadAsync(cluster.BootstrapServers, topics.Results, 1, Patience);
        var headers = deadLetter.Message.Headers.ToDictionary(h => h.Key, h => Encoding.UTF8.GetString(h.GetValueBytes()));
        Assert.Equal(DeadLetterReasons.Stale, headers[DeadLetterPublisher.ReasonHeader]);
        Assert.Equal(topics.Requests, headers[DeadLetterPublisher.TopicHeader]);
        Assert.Equal(stale.Partition.Value.ToString(CultureInfo.InvariantCulture), headers[DeadLetterPublisher.PartitionHeader]);
        Assert.Equal(stale.Offset.Value.ToString(CultureInfo.InvariantCulture), headers[DeadLetterPublisher.OffsetHeader]);
        Assert.Contains(nameof(InvalidLearningEventException), headers[DeadLetterPublisher.ExceptionClassHeader], StringComparison.Ordinal);
        Assert.Contains("idempotency window of 7 days", headers[DeadLetterPublisher.ExceptionMessageHeader], StringComparison.Ordinal);
        Assert.Equal(TestEvents.Utf8(student), deadLetter.Message.Key);
        Assert.Equal(staleValue, deadLetter.Message.Value);

        var applied = JsonSerializer.Deserialize(Assert.Single(results).Message.Value, MasteryJsonContext.Default.EventApplyResult)!;
        Assert.Equal("fresh-1", applied.EventId);
        Assert.True(applied.Applied);
        var export = await silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IStudentMasteryGrain>(student).ExportAsync();
        Assert.DoesNotContain(export.AppliedEventIds, id => id.Contains("replayed-1", StringComparison.Ordinal));
        await silo.StopAsync();
    }
}
