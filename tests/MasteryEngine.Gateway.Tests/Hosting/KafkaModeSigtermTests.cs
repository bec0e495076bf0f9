using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MasteryEngine.Grains.Domain;
using MasteryEngine.Testing;
using MasteryEngine.Testing.Kafka;
using Xunit.Abstractions;

namespace MasteryEngine.Gateway.Tests.Hosting;

/// <summary>
/// The gateway process in Kafka mode (Redis storage, librdkafka's mock cluster hosted by this test) is sent SIGTERM
/// while ingests flow in and its consumer applies them. It must exit 0 within the drain budget; the broker must
/// hold exactly the acknowledged ingests; the group's committed offsets at its exit must cover exactly what it
/// applied to Redis; and a successor (the same static group member, as a restarted StatefulSet pod is) must apply
/// the rest, each event once.
/// </summary>
public sealed class KafkaModeSigtermTests(KafkaMockClusterFixture cluster, ITestOutputHelper output) : IClassFixture<KafkaMockClusterFixture>
{
    private const int AcknowledgedBeforeSigterm = 400;

    /// <summary>The consumer must have applied some events before the signal, so that it is mid-stream.</summary>
    private const double ProcessedBeforeSigterm = 100;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly string WarmUpStudent = $"student_warmup_{Guid.NewGuid():N}";

    private static readonly string WarmUpEventId = $"evt_warmup_{Guid.NewGuid():N}";

    private static readonly string WarmUpEvent =
        $$$"""{"event_type": "exercise.completed", "student_id": "{{{WarmUpStudent}}}", "event_id": "{{{WarmUpEventId}}}", "data": {"exercise_id": "warm-up"}}""";

    [Fact]
    public async Task Sigterm_while_consuming_commits_exactly_what_was_applied_and_a_successor_applies_every_acknowledged_event_once()
    {
        var topics = cluster.CreateTopics();
        await using var redis = await RedisServerProcess.StartAsync();
        var settings = ProductionGatewaySettings.Create();
        settings["STORAGE_PROVIDER"] = "redis";
        settings["REDIS_HOST"] = redis.HostAndPort;
        settings["STREAM_PROVIDER"] = "kafka";
        foreach (var (key, value) in cluster.Configuration(topics))
        {
            settings[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        }

        // A smaller in-flight window than the default 1000 keeps a backlog in the broker, so the signal finds work
        // dispatched, work paused and work not fetched yet; the successor then has something left to do.
        settings["KAFKA_MAX_IN_FLIGHT_PER_PARTITION"] = "100";
        // Both processes are the same StatefulSet pod before and after its restart: one static group member.
        settings["KAFKA_GROUP_INSTANCE_ID"] = "mastery-engine-0";

        var token = ProductionGatewaySettings.AdminToken();
        GatewayLoad load;
        TimeSpan stopTime;
        int exitCode;
        double processedAtSigterm;
        await using (var first = await GatewayProcess.StartAsync(settings))
        {
            using var client = first.CreateClient(token);
            using var abort = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            // One event through first: the load starts once the consumer owns its partitions (the mock broker
            // delays a new group's first rebalance by 3 s), rather than piling up a backlog meanwhile.
            var warmUp = await SentRequest.PostAsync(
                client, "/api/v1/mastery/ingest", WarmUpEvent, WarmUpStudent, WarmUpEventId, afterSigterm: false, abort.Token);
            Assert.Equal(RequestOutcome.Acknowledged, warmUp.Outcome);
            await Eventually.UntilAsync(() => ProcessedEventsAsync(client), processed => processed >= 1, "the consumer applies the first event", Patience);
            load = new GatewayLoad(client, calculateWriters: 0, ingestWriters: 8);
            var running = load.RunAsync(abort.Token);
            processedAtSigterm = await Eventually.UntilAsync(
                () => ProcessedEventsAsync(client),
                processed => running.IsCompleted || (processed >= ProcessedBeforeSigterm && load.Acknowledged >= AcknowledgedBeforeSigterm),
                "the consumer applies events while ingests are acknowledged",
                Patience);
            load.MarkSigtermSent();
            var stopping = Stopwatch.StartNew();
            await first.SendSigtermAsync();
            exitCode = await first.WaitForExitAsync(ProductionGatewaySettings.SigkillAfterSigterm);
            stopTime = stopping.Elapsed;
            await running;
            Assert.True(stopTime < ProductionGatewaySettings.ShutdownTimeout, $"stopped in {stopTime}, over the drain budget. Output:\n{first.RecentOutput}");
        }

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain(load.Ingests, r => r.Outcome == RequestOutcome.Unexpected);
        Assert.Equal(load.Writers, load.Ingests.Count(r => r.AfterSigterm && r.Outcome != RequestOutcome.Acknowledged));

        var inBroker = await ReadRequestsAsync(cluster.BootstrapServers, topics.Requests);
        var acknowledged = load.Ingests.Where(r => r.Outcome == RequestOutcome.Acknowledged).Select(r => r.Key).Append(WarmUpEventId).ToHashSet();
        Assert.Equal(acknowledged, inBroker.Select(e => e.EventId).ToHashSet());

        var committed = (await KafkaTopicReader.CommittedAsync(cluster.BootstrapServers, topics.GroupId, topics.Requests))
            .ToDictionary(c => c.Partition.Value, c => c.Offset.Value);
        var coveredByCommit = inBroker.Where(e => e.Offset < committed[e.Partition]).ToList();
        var appliedByFirst = await AppliedEventsAsync(redis, inBroker.Select(e => e.StudentId).Distinct());
        output.WriteLine($"acknowledged: {acknowledged.Count} (applied when SIGTERM was sent: {processedAtSigterm}); " +
            $"exit {exitCode} after {stopTime.TotalMilliseconds:F0} ms; " +
            $"committed by the first process: {coveredByCommit.Count}, left to the successor: {inBroker.Count - coveredByCommit.Count}");
        Assert.NotEmpty(coveredByCommit);
        Assert.Equal(coveredByCommit.Select(e => (e.StudentId, EventFingerprint.Of(e.EventId))).ToHashSet(), appliedByFirst);

        await using (var successor = await GatewayProcess.StartAsync(settings))
        {
            var ends = (await KafkaTopicReader.EndOffsetsAsync(cluster.BootstrapServers, topics.Requests))
                .ToDictionary(e => e.Partition.Value, e => e.Offset.Value);
            await Eventually.UntilAsync(
                async () => (await KafkaTopicReader.CommittedAsync(cluster.BootstrapServers, topics.GroupId, topics.Requests))
                    .All(c => c.Offset.Value == ends[c.Partition.Value]),
                Patience,
                "the successor commits every partition to its end");
            await successor.SendSigtermAsync();
            Assert.Equal(0, await successor.WaitForExitAsync(ProductionGatewaySettings.SigkillAfterSigterm));
        }

        foreach (var student in inBroker.GroupBy(e => e.StudentId))
        {
            var stored = await StoredStudentState.ReadAsync(redis, student.Key);
            Assert.Equal(student.Select(e => EventFingerprint.Of(e.EventId)).ToHashSet(), stored.AppliedEvents.ToHashSet());
            Assert.Equal(student.Count(), stored.CompletedExercises);
        }
    }

    /// <summary>The learning events the consumer has applied, from the gateway's own counter.</summary>
    private static async Task<double> ProcessedEventsAsync(HttpClient client)
    {
        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        return metrics.Split('\n')
            .Where(line => line.StartsWith("mastery_events_processed_total", StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }

    private static async Task<List<BrokeredEvent>> ReadRequestsAsync(string bootstrapServers, string topic)
    {
        var total = (int)(await KafkaTopicReader.EndOffsetsAsync(bootstrapServers, topic)).Sum(end => end.Offset.Value);
        var messages = await KafkaTopicReader.ReadAsync(bootstrapServers, topic, total, Patience);
        Assert.Equal(total, messages.Count);
        return [.. messages.Select(message =>
        {
            using var value = JsonDocument.Parse(message.Message.Value);
            return new BrokeredEvent(
                value.RootElement.GetProperty("student_id").GetString()!,
                value.RootElement.GetProperty("event_id").GetString()!,
                message.Partition.Value,
                message.Offset.Value);
        })];
    }

    private static async Task<HashSet<(string StudentId, ulong Fingerprint)>> AppliedEventsAsync(RedisServerProcess redis, IEnumerable<string> studentIds)
    {
        var applied = new HashSet<(string, ulong)>();
        foreach (var studentId in studentIds)
        {
            var stored = await StoredStudentState.ReadAsync(redis, studentId);
            applied.UnionWith(stored.AppliedEvents.Select(fingerprint => (studentId, fingerprint)));
        }

        return applied;
    }

    private sealed record BrokeredEvent(string StudentId, string EventId, int Partition, long Offset);
}
