using System.Text;
using System.Text.Json;
using MasteryEngine.ReviewAgent.Tests.Infrastructure;
using MasteryEngine.Testing;
using MasteryEngine.Testing.Kafka;

namespace MasteryEngine.ReviewAgent.Tests.Kafka;

/// <summary>
/// The review.requests consumer against librdkafka's mock broker, fed by kcat: assessments on review.results,
/// quality events on mastery.requests, dead letters with their reason, offsets committed after publishing.
/// </summary>
public class ReviewKafkaTests(KafkaMockClusterFixture kafka) : IClassFixture<KafkaMockClusterFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Submissions_are_assessed_fed_to_the_mastery_topic_and_committed_and_bad_ones_dead_lettered()
    {
        var topics = kafka.CreateTopics(requestPartitions: 1);
        var masteryTopic = topics.Requests.Replace(".requests", ".mastery", StringComparison.Ordinal);
        kafka.Cluster.CreateTopic(masteryTopic, 2);
        await using var factory = new ReviewAgentFactory(new Dictionary<string, string?>
        {
            ["KAFKA_ENABLED"] = "true",
            ["KAFKA_BROKER"] = kafka.BootstrapServers,
            ["KAFKA_TOPIC"] = topics.Requests,
            ["KAFKA_RESULTS_TOPIC"] = topics.Results,
            ["KAFKA_DLQ_TOPIC"] = topics.DeadLetter,
            ["KAFKA_MASTERY_TOPIC"] = masteryTopic,
            ["KAFKA_GROUP_ID"] = topics.GroupId,
            ["Kafka:Client:fetch.wait.max.ms"] = "10",
            ["Kafka:Client:session.timeout.ms"] = "6000",
            ["Kafka:Client:heartbeat.interval.ms"] = "300",
            ["Kafka:Client:log_level"] = "3",
        });
        using var client = factory.CreateClient();
        var student = TestTokens.NewId("student");
        var submission = JsonSerializer.Serialize(new
        {
            student_id = student,
            student_code = "def add(first, second):\n    return first + secnd\n",
            problem_context = new { language = "python", problem_id = "sums-1" },
            submission_id = "sub-1",
        });

        await Kcat.ProduceAsync(kafka.BootstrapServers, topics.Requests,
        [
            (student, submission),
            (student, "this is not json"),
            (student, """{"student_id":"x","student_code":"SELECT * FROM users --","problem_context":{}}"""),
        ]);

        var results = await KafkaTopicReader.ReadAsync(kafka.BootstrapServers, topics.Results, 1, Wait);
        var events = await KafkaTopicReader.ReadAsync(kafka.BootstrapServers, masteryTopic, 1, Wait);
        var deadLetters = await KafkaTopicReader.ReadAsync(kafka.BootstrapServers, topics.DeadLetter, 2, Wait);

        var result = JsonDocument.Parse(Assert.Single(results).Message.Value!).RootElement;
        Assert.Equal(student, Encoding.UTF8.GetString(results[0].Message.Key!));
        Assert.Equal("sent", result.GetProperty("mastery_event").GetProperty("status").GetString());
        Assert.Equal("kafka", result.GetProperty("mastery_event").GetProperty("via").GetString());

        var learningEvent = JsonDocument.Parse(Assert.Single(events).Message.Value!).RootElement;
        Assert.Equal(student, Encoding.UTF8.GetString(events[0].Message.Key!));
        Assert.Equal("quality", learningEvent.GetProperty("event_type").GetString());
        Assert.Equal("sums-1", learningEvent.GetProperty("topic").GetString());
        Assert.Equal(result.GetProperty("quality_score").GetDouble(), learningEvent.GetProperty("data").GetProperty("score").GetDouble());
        Assert.Equal(result.GetProperty("assessment_id").GetString(), learningEvent.GetProperty("event_id").GetString());

        Assert.Equal(["invalid_json", "invalid_submission"], deadLetters.Select(letter => Header(letter.Message.Headers, "review.dlq.reason")));
        Assert.Equal("this is not json", Encoding.UTF8.GetString(deadLetters[0].Message.Value!));

        var end = await KafkaTopicReader.EndOffsetsAsync(kafka.BootstrapServers, topics.Requests);
        await Eventually.UntilAsync(async () =>
        {
            var committed = await KafkaTopicReader.CommittedAsync(kafka.BootstrapServers, topics.GroupId, topics.Requests);
            return committed.Single().Offset.Value == end.Single().Offset.Value;
        }, Wait, "the group committed every request");
    }

    private static string Header(Confluent.Kafka.Headers headers, string name) =>
        headers.TryGetLastBytes(name, out var value) ? Encoding.UTF8.GetString(value) : "";
}
