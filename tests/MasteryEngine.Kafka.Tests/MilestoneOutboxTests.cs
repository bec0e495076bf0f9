using System.Text.Json;
using MasteryEngine.Grains;
using MasteryEngine.Grains.Serialization;
using MasteryEngine.Testing;
using MasteryEngine.Testing.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace MasteryEngine.Kafka.Tests;

/// <summary>
/// The student grain's milestone outbox on Orleans, against a broker that goes away: the change is stored and
/// acknowledged while its milestone cannot be published, and the milestone goes out, before any later one, once
/// Kafka is back. Takes its own cluster's broker down, so it has a fixture of its own.
/// </summary>
public sealed class MilestoneOutboxTests(KafkaMockClusterFixture cluster) : IClassFixture<KafkaMockClusterFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly ComponentScores Proficient = new(0.85, 0.9, 0.85, 0.82);
    private static readonly ComponentScores Mastered = new(0.95, 0.95, 0.95, 0.95);

    [Fact]
    public async Task A_milestone_that_could_not_be_published_goes_out_first_once_kafka_is_back()
    {
        var topics = cluster.CreateTopics();
        using var silo = await KafkaSiloHost.StartAsync(cluster, topics, overrides: new Dictionary<string, string?>
        {
            ["KAFKA_CONSUMER_ENABLED"] = "false",
            // A failed publication ends within the grain-call timeout, so the grain's call returns while the broker is away.
            ["Resilience:Kafka:Timeout"] = "00:00:04",
            ["GRAIN_RESPONSE_TIMEOUT"] = "30s",
        });
        var student = silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IStudentMasteryGrain>(TestEvents.NewStudentId());

        var stored = await CalculateWhileBrokerIsDownAsync(student, Proficient);

        // Every later change publishes what the outbox still holds first.
        await Eventually.UntilAsync(
            async () =>
            {
                await student.CalculateAsync(Proficient);
                return (await LevelChangesAsync(student.GetPrimaryKeyString(), topics.Events)).Count > 0;
            },
            Patience, "the held-back milestone published");
        await student.CalculateAsync(Mastered);
        var changes = await Eventually.UntilAsync(
            () => LevelChangesAsync(student.GetPrimaryKeyString(), topics.Events), found => found.Count >= 2, "both level changes", Patience);

        Assert.Equal(MasteryLevel.Proficient, stored.Level);
        Assert.Equal([(MasteryLevel.Novice, MasteryLevel.Proficient), (MasteryLevel.Proficient, MasteryLevel.Mastered)], changes);
    }

    /// <remarks>
    /// With a delivery timeout (8 s) and a send timeout (<c>Resilience:Kafka:Timeout</c>, 10 s) both longer than the
    /// grain-call timeout (5 s), a grain that waited for Kafka to give up would time its caller out. Nothing changes
    /// after the broker is back: the grain's own retry publishes the milestone, once.
    /// </remarks>
    [Fact]
    public async Task A_change_is_acknowledged_within_the_grain_call_timeout_while_kafka_is_away_and_its_milestone_goes_out_later_by_itself()
    {
        var topics = cluster.CreateTopics();
        using var silo = await KafkaSiloHost.StartAsync(cluster, topics, overrides: new Dictionary<string, string?>
        {
            ["KAFKA_CONSUMER_ENABLED"] = "false",
            ["KAFKA_DELIVERY_TIMEOUT_MS"] = "8000",
            ["Milestones:RetryInterval"] = "00:00:00.500",
        });
        var student = silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IStudentMasteryGrain>(TestEvents.NewStudentId());

        var stored = await CalculateWhileBrokerIsDownAsync(student, Proficient);

        var changes = await Eventually.UntilAsync(
            () => LevelChangesAsync(student.GetPrimaryKeyString(), topics.Events), found => found.Count > 0, "the held-back milestone published", Patience);

        Assert.Equal(MasteryLevel.Proficient, stored.Level);
        Assert.Equal([(MasteryLevel.Novice, MasteryLevel.Proficient)], changes);
    }

    private async Task<MasteryResult> CalculateWhileBrokerIsDownAsync(IStudentMasteryGrain student, ComponentScores scores)
    {
        cluster.Cluster.SetBrokerDown(1);
        try
        {
            return await student.CalculateAsync(scores);
        }
        finally
        {
            cluster.Cluster.SetBrokerUp(1);
        }
    }

    private async Task<List<(MasteryLevel From, MasteryLevel To)>> LevelChangesAsync(string studentId, string topic)
    {
        var messages = await KafkaTopicReader.ReadAsync(cluster.BootstrapServers, topic, int.MaxValue, TimeSpan.FromSeconds(2));
        return [.. messages
            .Where(m => TestEvents.Utf8String(m.Message.Key) == studentId)
            .Select(m => JsonSerializer.Deserialize(m.Message.Value, MasteryJsonContext.Default.MasteryDomainEvent))
            .OfType<MasteryThresholdReached>()
            .Select(reached => (reached.PreviousLevel, reached.Level))];
    }
}
