using System.Globalization;
using System.Text.Json;
using MasteryEngine.Grains;
using MasteryEngine.Grains.Serialization;
using Orleans;
using MasteryEngine.Silo.Hosting;
using MasteryEngine.Testing;
using MasteryEngine.Testing.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MasteryEngine.Kafka.Tests;

/// <summary>The whole pipeline with the real grain runtime and mastery grains: Kafka in, grain state, Kafka out.</summary>
public sealed class MasteryPipelineTests(KafkaMockClusterFixture cluster) : IClassFixture<KafkaMockClusterFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Events_produced_with_kcat_are_applied_once_by_the_mastery_grains_with_results_and_milestones_out()
    {
        var topics = cluster.CreateTopics();
        using var silo = await KafkaSiloHost.StartAsync(cluster, topics);
        var student = TestEvents.NewStudentId();
        string[] lines =
        [
            TestEvents.Completion(student, "e1", 1),
            "{\"event_type\":\"quiz\",\"student_id\":\"" + student + "\",\"event_id\":\"e2\",\"data\":{\"score\":9,\"max_score\":10}}",
            "{\"event_type\":\"quality\",\"student_id\":\"" + student + "\",\"event_id\":\"e3\",\"data\":{\"score\":0.9}}",
            TestEvents.Completion(student, "e1", 1),
            TestEvents.WithoutEventId(student, 4),
            "{\"event_type\":\"mastery.calculation.requested\",\"student_id\":\"" + student +
                "\",\"data\":{\"components\":{\"completion\":0.95,\"quiz\":0.95,\"quality\":0.95,\"consistency\":0.95}}}",
        ];

        await Kcat.ProduceAsync(cluster.BootstrapServers, topics.Requests, lines.Select(line => (student, line)));

        var results = await KafkaTopicReader.ReadAsync(cluster.BootstrapServers, topics.Results, lines.Length, Patience);
        var outcomes = results.Select(r => JsonSerializer.Deserialize(r.Message.Value, MasteryJsonContext.Default.EventApplyResult)!).ToList();
        Assert.Equal(lines.Length, outcomes.Count);
        Assert.Equal([true, true, true, false, true, true], outcomes.Select(o => o.Applied));
        Assert.Equal(MasteryLevel.Mastered, outcomes[^1].Level);
        var export = await silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IStudentMasteryGrain>(student).ExportAsync();
        Assert.Equal(4, export.AppliedEventIds.Count);
        await Eventually.UntilAsync(async () =>
            (await KafkaTopicReader.ReadAsync(cluster.BootstrapServers, topics.Events, int.MaxValue, TimeSpan.FromSeconds(2))).Any(m =>
                JsonDocument.Parse(m.Message.Value).RootElement is var json
                && json.GetProperty("event_type").GetString() == MasteryThresholdReached.EventType
                && json.GetProperty("student_id").GetString() == student
                && json.GetProperty("level").GetString() == "mastered"),
            Patience, "a mastery.threshold.reached milestone on the events topic");
        await silo.StopAsync();
    }

    [Fact]
    public async Task While_storage_is_down_an_event_is_retried_until_persisted_and_the_next_one_waits_for_it()
    {
        var topics = cluster.CreateTopics(requestPartitions: 1);
        var student = TestEvents.NewStudentId();
        var storage = new FlakyGrainStorage(KafkaSiloHost.NewSharedStorage(), grain => grain.Key.ToString() == student, failingWrites: 3);
        using var silo = await KafkaSiloHost.StartAsync(cluster, topics, storage);

        await Kcat.ProduceAsync(cluster.BootstrapServers, topics.Requests,
            [(student, TestEvents.Completion(student, "first", 1)), (student, TestEvents.Completion(student, "second", 2))]);

        var results = await KafkaTopicReader.ReadAsync(cluster.BootstrapServers, topics.Results, 2, Patience);
        Assert.Equal(["first", "second"], results.Select(r => JsonSerializer.Deserialize(r.Message.Value, MasteryJsonContext.Default.EventApplyResult)!.EventId));
        Assert.Equal(3, storage.Failures);
        var export = await silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IStudentMasteryGrain>(student).ExportAsync();
        Assert.Equal(2, export.AppliedEventIds.Count);
        Assert.Empty(await KafkaTopicReader.ReadAsync(cluster.BootstrapServers, topics.DeadLetter, 1, TimeSpan.FromSeconds(1)));
        await silo.StopAsync();
    }

    /// <remarks>
    /// Two silos share one storage, as pods share Redis; one is killed in process (see
    /// <see cref="ConsumerGroupFailoverTests"/>). Each student's final mastery must equal what one silo computes
    /// applying each event exactly once, in order: a duplicate or lost event would change the quality average.
    /// </remarks>
    [Fact]
    public async Task After_a_silo_is_killed_mid_stream_each_student_mastery_equals_applying_every_event_exactly_once()
    {
        var topics = cluster.CreateTopics(requestPartitions: 6);
        var storage = KafkaSiloHost.NewSharedStorage();
        var students = Enumerable.Range(0, 20).Select(_ => TestEvents.NewStudentId()).ToList();
        var events = Enumerable.Range(1, 30).SelectMany(i => students.Select(s => (s, Quality(s, i)))).ToList();
        using var survivor = await KafkaSiloHost.StartAsync(cluster, topics, storage);
        var victim = await KafkaSiloHost.StartAsync(cluster, topics, storage);
        var grains = survivor.Services.GetRequiredService<IGrainFactory>();
        try
        {
            await Kcat.ProduceAsync(cluster.BootstrapServers, topics.Requests, events.Take(events.Count / 2));
            await Eventually.UntilAsync(async () => (await KafkaTopicReader.ReadAsync(cluster.BootstrapServers, topics.Results, events.Count / 4, TimeSpan.FromSeconds(2))).Count >= events.Count / 4,
                Patience, "processing under way");
            var consumer = victim.Consumer();
            consumer.SimulateCrash();
            await consumer.ExecuteTask!;
            await Kcat.ProduceAsync(cluster.BootstrapServers, topics.Requests, events.Skip(events.Count / 2));

            await Eventually.UntilAsync(async () => await AllAppliedAsync(grains, students, 30), Patience, "every event applied");
        }
        finally
        {
            victim.Dispose();
        }

        var expected = await ReferenceScoresAsync(events);
        foreach (var student in students)
        {
            var actual = (await grains.GetGrain<IStudentMasteryGrain>(student).QueryAsync()).CurrentMastery;
            Assert.Equal(expected[student], actual.Components.Quality, 9);
        }

        await survivor.StopAsync();
    }

    private static async Task<bool> AllAppliedAsync(IGrainFactory grains, List<string> students, int perStudent)
    {
        foreach (var student in students)
        {
            if ((await grains.GetGrain<IStudentMasteryGrain>(student).ExportAsync()).AppliedEventIds.Count != perStudent)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The quality component each student ends with when a lone silo applies each event once, in order.</summary>
    private static async Task<Dictionary<string, double>> ReferenceScoresAsync(List<(string Student, string Json)> events)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [MasterySiloSettings.SiloPortVariable] = RedisServerProcess.FreePort().ToString(CultureInfo.InvariantCulture),
            [MasterySiloSettings.GatewayPortVariable] = RedisServerProcess.FreePort().ToString(CultureInfo.InvariantCulture),
        });
        builder.UseOrleans(silo => silo.AddMasteryEngineSilo(builder.Configuration, useRedis: false, useKafka: false));
        using var reference = builder.Build();
        await reference.StartAsync();
        var grains = reference.Services.GetRequiredService<IGrainFactory>();
        foreach (var (student, json) in events)
        {
            await grains.GetGrain<IStudentMasteryGrain>(student).ApplyEventAsync(JsonSerializer.Deserialize(json, MasteryJsonContext.Default.LearningEvent)!);
        }

        var scores = new Dictionary<string, double>();
        foreach (var student in events.Select(e => e.Student).Distinct())
        {
            scores[student] = (await grains.GetGrain<IStudentMasteryGrain>(student).QueryAsync()).CurrentMastery.Components.Quality;
        }

        await reference.StopAsync();
        return scores;
    }

    private static string Quality(string student, int i) =>
        "{\"event_type\":\"quality\",\"student_id\":\"" + student + "\",\"event_id\":\"" + student + "-" + i +
        "\",\"timestamp\":\"2026-11-20T09:00:00Z\",\"data\":{\"score\":" + (i % 7 / 7.0).ToString("F4", System.Globalization.CultureInfo.InvariantCulture) + "}}";
}
