using System.Globalization;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using MasteryEngine.Gateway.Tests.Infrastructure;
using MasteryEngine.Testing;
using MasteryEngine.Testing.Kafka;
using Xunit.Abstractions;

namespace MasteryEngine.Gateway.Tests.Hosting;

/// <summary>
/// Issue 11's cluster check: three gateway processes, one Orleans cluster on one Redis, one consumer group; one of
/// them is killed (-9) while a stream of events for many students is being processed. The survivors take over its
/// partitions and its students' grains; counting exercises per student shows every event applied exactly once.
/// </summary>
public sealed class KafkaClusterKillTests(KafkaRedisClusterFixture cluster, ITestOutputHelper output) : IClassFixture<KafkaRedisClusterFixture>
{
    private const int StudentCount = 200;
    private const int EventsPerStudent = 20;

    /// <summary>Known to every student's grain from the first event on, so completion = exercises done / this.</summary>
    private const int TotalExercises = 100;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task After_one_of_three_silos_is_killed_mid_stream_every_event_is_applied_once_and_its_students_are_served_by_the_others()
    {
        var students = Enumerable.Range(0, StudentCount).Select(i => $"student_kill{i:000}_{Guid.NewGuid().ToString("N")[..6]}").ToList();
        var victim = cluster.Members[0];
        var survivors = cluster.Members.Skip(1).ToList();
        await using var placement = await GrainPlacementProbe.ConnectAsync(cluster.Redis.HostAndPort, cluster.ClusterId);

        await Kcat.ProduceAsync(cluster.Kafka.BootstrapServers, cluster.Topics.Requests, Events(students, 1, EventsPerStudent / 2));
        await Eventually.UntilAsync(async () => await cluster.EventsProcessedAsync(victim) > 0, Patience, "the victim processing its partitions");
        var placedBeforeKill = await placement.SiloPortsOfAsync(students);
        var processedByVictim = await cluster.EventsProcessedAsync(victim);
        await victim.Gateway.KillAsync();
        await Kcat.ProduceAsync(cluster.Kafka.BootstrapServers, cluster.Topics.Requests, Events(students, EventsPerStudent / 2 + 1, EventsPerStudent));

        var victimStudents = students.Where(student => placedBeforeKill.GetValueOrDefault(student) == victim.SiloPort).ToList();
        Assert.NotEmpty(victimStudents);
        await Eventually.UntilAsync(AllCommittedAsync, Patience, "every offset committed by the survivors");
        var survivorPartitions = new List<string>();
        foreach (var survivor in survivors)
        {
            survivorPartitions.AddRange(await cluster.AssignedPartitionsAsync(survivor));
        }

        var clients = survivors.Select(survivor => survivor.Gateway.CreateClient(ProductionGatewaySettings.AdminToken())).ToList();
        var exercisesDone = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < students.Count; i++)
        {
            var query = await clients[i % clients.Count].QueryAsync(students[i]);
            exercisesDone[students[i]] = query.GetProperty("current_mastery").GetProperty("components").GetProperty("completion").GetDouble() * TotalExercises;
        }

        var stored = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var student in students)
        {
            using var state = JsonDocument.Parse(await cluster.Redis.CliAsync("HGET", $"student:{{{student}}}:state", "data"));
            stored[student] = state.RootElement.GetProperty("overall").GetProperty("completed_exercises").GetInt32();
        }

        var deadLettered = await DeadLetterCausesAsync();
        var placedAfter = await placement.SiloPortsOfAsync(victimStudents);
        output.WriteLine($"killed after it processed {processedByVictim} events; {victimStudents.Count} of {StudentCount} students had their grain on the killed silo; afterwards on silo ports "
            + string.Join(", ", placedAfter.Values.Distinct().Order()) + $"; survivors consume partitions {string.Join(",", survivorPartitions.Order())}");
        Assert.Equal(KafkaRedisClusterFixture.RequestPartitions, survivorPartitions.Distinct().Count());
        Assert.True(deadLettered.Count == 0, "dead-lettered: " + string.Join(" | ", deadLettered));
        Assert.All(students, student => Assert.Equal(EventsPerStudent, stored[student]));
        Assert.All(students, student => Assert.Equal(EventsPerStudent, exercisesDone[student], precision: 6));
        Assert.All(placedAfter.Values, port => Assert.Contains(port, survivors.Select(survivor => survivor.SiloPort)));
    }

    /// <summary>Why events went to the dead-letter topic (none is expected: a dead silo is a transient failure).</summary>
    private async Task<IReadOnlyList<string>> DeadLetterCausesAsync()
    {
        var count = (await KafkaTopicReader.EndOffsetsAsync(cluster.Kafka.BootstrapServers, cluster.Topics.DeadLetter)).Sum(end => end.Offset.Value);
        if (count == 0)
        {
            return [];
        }

        var messages = await KafkaTopicReader.ReadAsync(cluster.Kafka.BootstrapServers, cluster.Topics.DeadLetter, (int)count, Patience);
        return [.. messages.Select(message => Header(message, "__connect.errors.reason") + ": " + Header(message, "__connect.errors.exception.message")).Distinct()];
    }

    private static string Header(ConsumeResult<byte[]?, byte[]?> message, string name) =>
        message.Message.Headers.TryGetLastBytes(name, out var value) ? Encoding.UTF8.GetString(value) : "";

    private async Task<bool> AllCommittedAsync()
    {
        var committed = await KafkaTopicReader.CommittedAsync(cluster.Kafka.BootstrapServers, cluster.Topics.GroupId, cluster.Topics.Requests);
        var ends = await KafkaTopicReader.EndOffsetsAsync(cluster.Kafka.BootstrapServers, cluster.Topics.Requests);
        return ends.All(end => end.Offset == 0 || committed.Single(c => c.Partition == end.Partition).Offset == end.Offset);
    }

    /// <summary>Each student's <c>exercise.completed</c> events <paramref name="from"/>..<paramref name="to"/>, students interleaved as many producers would send them.</summary>
    private static List<(string, string)> Events(List<string> students, int from, int to) =>
        [.. Enumerable.Range(from, to - from + 1).SelectMany(i => students.Select(student => (student, ExerciseCompleted(student, i))))];

    private static string ExerciseCompleted(string student, int exercise) =>
        $$$"""{"event_type":"exercise.completed","student_id":"{{{student}}}","event_id":"{{{student}}}-{{{exercise.ToString(CultureInfo.InvariantCulture)}}}","data":{"exercise_id":"ex-{{{exercise.ToString(CultureInfo.InvariantCulture)}}}","total_exercises":{{{TotalExercises}}}}}""";
}
