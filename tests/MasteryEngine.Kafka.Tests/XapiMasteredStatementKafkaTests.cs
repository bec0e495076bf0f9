using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using MasteryEngine.Grains;
using MasteryEngine.Grains.Domain.Xapi;
using MasteryEngine.Grains.Serialization;
using MasteryEngine.Testing;
using MasteryEngine.Testing.Kafka;

namespace MasteryEngine.Kafka.Tests;

/// <summary>
/// Answers in on the requests topic, the xAPI <c>mastered</c> statement out on the events topic: exactly once for
/// the student whose topic crosses into mastered, never for one who stays below, and not at all when switched off.
/// Each student ends with a calculation that changes their level; its milestone follows the statement in the
/// student's partition, so it marks the end of what the answers emitted.
/// </summary>
public sealed class XapiMasteredStatementKafkaTests(KafkaMockClusterFixture cluster) : IClassFixture<KafkaMockClusterFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private const int Answers = 30;

    [Fact]
    public async Task The_events_topic_carries_one_mastered_statement_per_crossing_and_none_without_one()
    {
        var topics = cluster.CreateTopics();
        using var silo = await KafkaSiloHost.StartAsync(cluster, topics);
        var (masters, wavers) = (TestEvents.NewStudentId(), TestEvents.NewStudentId());

        var results = await ProduceAnswersAsync(topics, (masters, _ => true), (wavers, i => i % 2 == 0));
        var events = await EventsUntilMarkersAsync(topics, masters, wavers);
        await silo.StopAsync();

        var crossing = results.First(r => r.StudentId == masters && r.Knowledge is { LittleEvidence: false, Knowledge: >= 0.9 }).EventId;
        Assert.DoesNotContain(results, r => r.StudentId == wavers && r.Knowledge is { Knowledge: >= 0.9 });
        var message = Assert.Single(Statements(events, masters));
        Assert.Empty(Statements(events, wavers));
        Assert.Equal("1.0.3", Encoding.UTF8.GetString(message.Message.Headers.GetLastBytes("X-Experience-API-Version")));
        var statement = JsonDocument.Parse(message.Message.Value).RootElement;
        Assert.Equal(XapiStatementIds.Mastered(masters, "fractions", crossing).ToString("D"), statement.GetProperty("id").GetString());
        Assert.Equal(XapiVerbs.Mastered, statement.GetProperty("verb").GetProperty("id").GetString());
        Assert.Equal(masters, statement.GetProperty("actor").GetProperty("account").GetProperty("name").GetString());
        Assert.Equal("https://mastery-engine.local/topics/fractions", statement.GetProperty("object").GetProperty("id").GetString());
        Assert.False(statement.TryGetProperty("event_type", out _), "the value is the bare statement, not an envelope");
    }

    [Fact]
    public async Task With_emitting_switched_off_a_crossing_emits_nothing()
    {
        var topics = cluster.CreateTopics();
        using var silo = await KafkaSiloHost.StartAsync(cluster, topics, overrides: new Dictionary<string, string?> { ["Xapi:EmitMastered"] = "false" });
        var masters = TestEvents.NewStudentId();

        var results = await ProduceAnswersAsync(topics, (masters, _ => true));
        var events = await EventsUntilMarkersAsync(topics, masters);
        await silo.StopAsync();

        Assert.Contains(results, r => r.Knowledge is { LittleEvidence: false, Knowledge: >= 0.9 });
        Assert.Empty(Statements(events, masters));
    }

    private async Task<List<EventApplyResult>> ProduceAnswersAsync(KafkaTestTopics topics, params (string Student, Func<int, bool> Correct)[] students)
    {
        var lines = new List<(string, string)>();
        foreach (var (student, correct) in students)
        {
            for (var i = 0; i < Answers; i++)
            {
                lines.Add((student, "{\"event_type\":\"answer\",\"student_id\":\"" + student + "\",\"event_id\":\"a-" + i +
                    "\",\"topic\":\"fractions\",\"data\":{\"item_id\":\"item-" + student + "-" + i + "\",\"correct\":" + (correct(i) ? "true" : "false") + "}}"));
            }

            lines.Add((student, "{\"event_type\":\"mastery.calculation.requested\",\"student_id\":\"" + student +
                "\",\"event_id\":\"marker\",\"data\":{\"components\":{\"completion\":0.95,\"quiz\":0.95,\"quality\":0.95,\"consistency\":0.95}}}"));
        }

        await Kcat.ProduceAsync(cluster.BootstrapServers, topics.Requests, lines);
        var results = await KafkaTopicReader.ReadAsync(cluster.BootstrapServers, topics.Results, lines.Count, Patience);
        Assert.Equal(lines.Count, results.Count);
        return [.. results.Select(r => JsonSerializer.Deserialize(r.Message.Value, MasteryJsonContext.Default.EventApplyResult)!)];
    }

    private Task<IReadOnlyList<ConsumeResult<byte[]?, byte[]?>>> EventsUntilMarkersAsync(KafkaTestTopics topics, params string[] students) =>
        Eventually.UntilAsync(
            () => KafkaTopicReader.ReadAsync(cluster.BootstrapServers, topics.Events, int.MaxValue, TimeSpan.FromSeconds(2)),
            events => students.All(student => events.Any(m => Key(m) == student && IsLevelChange(m))),
            "every student's closing level change on the events topic",
            Patience);

    /// <summary>The student's xAPI statements before their closing level change, in partition order.</summary>
    private static List<ConsumeResult<byte[]?, byte[]?>> Statements(IReadOnlyList<ConsumeResult<byte[]?, byte[]?>> events, string student) =>
        [.. events.Where(m => Key(m) == student).TakeWhile(m => !IsLevelChange(m)).Where(m => m.Message.Headers.TryGetLastBytes("X-Experience-API-Version", out _))];

    private static string? Key(ConsumeResult<byte[]?, byte[]?> message) => TestEvents.Utf8String(message.Message.Key);

    private static bool IsLevelChange(ConsumeResult<byte[]?, byte[]?> message) =>
        JsonDocument.Parse(message.Message.Value).RootElement.TryGetProperty("event_type", out var type) && type.GetString() == MasteryThresholdReached.EventType;
}
