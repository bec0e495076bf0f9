using System.Text.Json;
using System.Text;
using Confluent.Kafka;
using MasteryEngine.Silo.Kafka;
using MasteryEngine.Testing;
using MasteryEngine.Testing.Kafka;

namespace MasteryEngine.Kafka.Tests;

public sealed class DeadLetterTests(KafkaMockClusterFixture cluster) : IClassFixture<KafkaMockClusterFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static TheoryData<string, byte[]?, byte[]?, string> PoisonMessages() => new()
    {
        { "invalid UTF-8", Key("p1"), [0x7B, 0x22, 0x65, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D], DeadLetterReasons.InvalidJson },
        { "not JSON", Key("p2"), Encoding.UTF8.GetBytes("{event_type: completion"), DeadLetterReasons.InvalidJson },
        { "JSON array", Key("p3"), Encoding.UTF8.GetBytes("[1,2,3]"), DeadLetterReasons.InvalidJson },
        { "null value", Key("p4"), null, DeadLetterReasons.InvalidJson },
        { "null key and value", null, null, DeadLetterReasons.InvalidJson },
        { "missing student_id", Key("p5"), Encoding.UTF8.GetBytes("""{"event_type":"completion","event_id":"x","data":{}}"""), DeadLetterReasons.ValidationFailed },
        { "data not an object", Key("p6"), Encoding.UTF8.GetBytes("""{"event_type":"quiz","student_id":"p6","data":7}"""), DeadLetterReasons.ValidationFailed },
        { "domain rejects data", Key("p7"), Encoding.UTF8.GetBytes("""{"event_type":"quiz","student_id":"p7","data":{"score":1,"max_score":2,"reject":true}}"""), DeadLetterReasons.ValidationFailed },
        { "unknown event type", Key("p8"), Encoding.UTF8.GetBytes("""{"event_type":"video.watched","student_id":"p8","data":{}}"""), DeadLetterReasons.UnknownEventType },
        { "huge value", Key("p9"), Encoding.UTF8.GetBytes($$$"""{"event_type":"quiz","student_id":"p9","data":{"x":"{{{new string('x', 200_000)}}}"}}"""), DeadLetterReasons.MessageTooLarge },
        { "keeps failing", Key("p10"), Encoding.UTF8.GetBytes("""{"event_type":"quiz","student_id":"p10","data":{"score":1,"max_score":2,"explode":true}}"""), DeadLetterReasons.ProcessingFailed },
    };

    [Fact]
    public async Task Each_poison_kind_lands_on_the_dead_letter_topic_with_its_reason_while_valid_events_around_it_are_processed()
    {
        var topics = cluster.CreateTopics(requestPartitions: 2);
        var grains = new RecordingGrainFactory
        {
            Failures = (e, _) => e.Data.TryGetProperty("reject", out JsonElement _) ? new ArgumentException("data.score is required for quiz events")
                : e.Data.TryGetProperty("explode", out JsonElement _) ? new InvalidOperationException("boom")
                : null,
        };
        using var host = await KafkaTestHost.StartAsync(cluster, topics, grains, new Dictionary<string, string?> { ["KAFKA_MAX_EVENT_BYTES"] = "65536" });
        using var metrics = new KafkaMetricsRecorder(host);
        using var producer = TestEvents.Producer(cluster.BootstrapServers);
        var student = TestEvents.NewStudentId();
        var poisons = PoisonMessages().Select(row => ((string)row[0], (byte[]?)row[1], (byte[]?)row[2], (string)row[3])).ToList();

        var delivered = new Dictionary<(int Partition, long Offset), (string Name, byte[]? Key, byte[]? Value, string Reason)>();
        var valid = 0;
        foreach (var (name, key, value, reason) in poisons)
        {
            valid++;
            await producer.ProduceAsync(topics.Requests, new Message<byte[]?, byte[]?>
            {
                Key = TestEvents.Utf8(student),
                Value = TestEvents.Utf8(TestEvents.Completion(student, $"{student}-{valid}", valid)),
            });
            var result = await producer.ProduceAsync(topics.Requests, new Message<byte[]?, byte[]?> { Key = key, Value = value });
            delivered[(result.Partition.Value, result.Offset.Value)] = (name, key, value, reason);
        }

        await producer.ProduceAsync(topics.Requests, new Message<byte[]?, byte[]?>
        {
            Key = null,
            Value = TestEvents.Utf8(TestEvents.Completion(student, $"{student}-last", 100)),
        });

        var deadLetters = await KafkaTopicReader.ReadAsync(cluster.BootstrapServers, topics.DeadLetter, poisons.Count, Patience);
        await Eventually.UntilAsync(() => grains.Student(student).Applied.Count == valid + 1, Patience, "valid events applied");
        Assert.Equal(valid * (valid + 1) / 2 + 100, grains.Student(student).PointsSum);
        Assert.Equal(poisons.Count, deadLetters.Count);
        foreach (var deadLetter in deadLetters)
        {
            var headers = deadLetter.Message.Headers.ToDictionary(h => h.Key, h => Encoding.UTF8.GetString(h.GetValueBytes()));
            var origin = (int.Parse(headers[DeadLetterPublisher.PartitionHeader]), long.Parse(headers[DeadLetterPublisher.OffsetHeader]));
            var (name, key, value, reason) = delivered[origin];
            Assert.True(reason == headers[DeadLetterPublisher.ReasonHeader], $"{name}: reason {headers[DeadLetterPublisher.ReasonHeader]}, expected {reason}");
            Assert.Equal(topics.Requests, headers[DeadLetterPublisher.TopicHeader]);
            Assert.False(string.IsNullOrEmpty(headers[DeadLetterPublisher.ExceptionClassHeader]), name);
            Assert.False(string.IsNullOrEmpty(headers[DeadLetterPublisher.ExceptionMessageHeader]), name);
            Assert.Equal(key, deadLetter.Message.Key);
            Assert.Equal(value, deadLetter.Message.Value);
        }

        await Eventually.UntilAsync(() => metrics.Total("mastery_events_dead_lettered_total{reason=invalid_json}") == 5
            && metrics.Total("mastery_events_dead_lettered_total{reason=validation_failed}") == 3
            && metrics.Total("mastery_events_dead_lettered_total{reason=unknown_event_type}") == 1
            && metrics.Total("mastery_events_dead_lettered_total{reason=message_too_large}") == 1
            && metrics.Total("mastery_events_dead_lettered_total{reason=processing_failed}") == 1
            && metrics.Total("mastery_events_retried_total") == 2
            && metrics.Total("mastery_events_processed_total{event_type=completion}") == valid + 1, Patience, "metrics counted");
        await host.StopAsync();
    }

    private static byte[] Key(string key) => Encoding.UTF8.GetBytes(key);
}
