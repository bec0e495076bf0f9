using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using MasteryEngine.Redis.SiloHost.Grains;
using Xunit.Abstractions;

namespace MasteryEngine.Redis.Tests;

/// <summary>
/// A fourth silo in its own process joins the three of <see cref="ThreeSiloFixture"/>; under a steady write load it
/// is killed (-9) or terminated (SIGTERM), and its students must answer again on the others with nothing lost.
/// </summary>
public sealed class SiloFailoverTests(ThreeSiloFixture fixture, ITestOutputHelper output) : IClassFixture<ThreeSiloFixture>
{
    /// <summary>Far above the ~2 s the tuned failure detection needs, far below Orleans' default ~13 s.</summary>
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task After_kill_9_the_silos_students_answer_on_the_others_with_every_acknowledged_write_kept()
    {
        await using var victim = await SiloProcess.StartAsync(fixture.Server.HostAndPort, fixture.ClusterId, "silo-killed");
        var load = await WriteLoad.StartAsync(fixture, victim.Address);

        await victim.KillAsync();
        var recovery = await load.RecoveryAfterAsync(Stopwatch.GetTimestamp());
        await load.StopAsync();

        output.WriteLine($"kill -9: {load.VictimStudents.Count} students of the killed silo answered again after {recovery.TotalMilliseconds:0} ms; {load.Failures} calls failed meanwhile");
        Assert.True(recovery < RecoveryBound, $"recovery took {recovery}");
        await load.AssertNothingLostOrDoubledAsync(fixture);
    }

    [Fact]
    public async Task After_sigterm_the_silo_leaves_gracefully_and_only_retryable_rejections_fail()
    {
        await using var leaving = await SiloProcess.StartAsync(fixture.Server.HostAndPort, fixture.ClusterId, "silo-terminated");
        var load = await WriteLoad.StartAsync(fixture, leaving.Address);

        await leaving.TerminateAsync();
        var recovery = await load.RecoveryAfterAsync(Stopwatch.GetTimestamp());
        await load.StopAsync();

        output.WriteLine($"SIGTERM: students moved after {recovery.TotalMilliseconds:0} ms; {load.Failures} calls failed: "
            + string.Join(", ", load.Errors.Select(e => e.GetType().Name).Distinct()));
        Assert.True(leaving.HasExited);
        // Both are answered 503 + Retry-After by the gateway: a rejected message, or a write whose ETag went stale while
        // the student moved (nothing of it was stored, and the next call reloads the state on its new silo).
        Assert.All(load.Errors, error => Assert.True(
            error is OrleansMessageRejectionException or Orleans.Storage.InconsistentStateException, error.ToString()));
        await load.AssertNothingLostOrDoubledAsync(fixture);
    }

    /// <summary>One writer per student, each incrementing in a loop through the three resident silos in turn.</summary>
    private sealed class WriteLoad
    {
        private readonly CancellationTokenSource stop = new();
        private readonly ConcurrentDictionary<string, ConcurrentBag<int>> acknowledged = new();
        private readonly ConcurrentDictionary<string, long> firstAnswerAfterStop = new();
        private long stoppedAt = long.MaxValue;
        private Task[] writers = [];
        private readonly ConcurrentBag<Exception> errors = [];

        private WriteLoad(IReadOnlyList<string> victimStudents, IReadOnlyList<string> otherStudents)
        {
            VictimStudents = victimStudents;
            Students = [.. victimStudents, .. otherStudents];
        }

        public IReadOnlyList<string> VictimStudents { get; }

        public IReadOnlyList<string> Students { get; }

        public int Failures => errors.Count;

        public IEnumerable<Exception> Errors => errors;

        public static async Task<WriteLoad> StartAsync(ThreeSiloFixture fixture, string victimAddress)
        {
            // The other silos learn of a new silo from membership within a few seconds; until then they place nothing there.
            var placed = new List<(string Student, bool OnVictim)>();
            var searching = Stopwatch.StartNew();
            for (var i = 0; searching.Elapsed < TimeSpan.FromSeconds(30) && placed.Count(p => p.OnVictim) < 4; i++)
            {
                var student = "student_" + Guid.NewGuid().ToString("N")[..12];
                var where = await fixture.Silos[i % 3].Grains.GetGrain<IProbeGrain>(student).WhereAsync();
                placed.Add((student, where.StartsWith(victimAddress, StringComparison.Ordinal)));
            }

            var load = new WriteLoad(
                [.. placed.Where(p => p.OnVictim).Select(p => p.Student)],
                [.. placed.Where(p => !p.OnVictim).Take(4).Select(p => p.Student)]);
            Assert.NotEmpty(load.VictimStudents);
            load.writers = [.. load.Students.Select(student => Task.Run(() => load.WriteAsync(fixture, student)))];
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            return load;
        }

        /// <summary>From <paramref name="since"/> (the silo's process has exited) until every one of its students answered a call sent after it.</summary>
        public async Task<TimeSpan> RecoveryAfterAsync(long since)
        {
            Volatile.Write(ref stoppedAt, since);
            var deadline = Stopwatch.StartNew();
            while (VictimStudents.Any(student => !firstAnswerAfterStop.ContainsKey(student)))
            {
                if (deadline.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new TimeoutException("the stopped silo's students did not answer again within 60 s");
                }

                await Task.Delay(20);
            }

            return Stopwatch.GetElapsedTime(since, VictimStudents.Max(student => firstAnswerAfterStop[student]));
        }

        public async Task StopAsync()
        {
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        public async Task AssertNothingLostOrDoubledAsync(ThreeSiloFixture fixture)
        {
            foreach (var student in Students)
            {
                var values = acknowledged[student].ToArray();
                Assert.Equal(values.Length, values.Distinct().Count());
                using var stored = JsonDocument.Parse(await fixture.Server.CliAsync("HGET", $"probe:{{{student}}}:state", "data"));
                // A call that failed at the kill may still have been written (its answer was lost): at most one more.
                Assert.InRange(stored.RootElement.GetProperty("Count").GetInt32(), values.Max(), values.Max() + 1);
            }
        }

        private async Task WriteAsync(ThreeSiloFixture fixture, string student)
        {
            var values = acknowledged.GetOrAdd(student, _ => []);
            for (var call = 0; !stop.IsCancellationRequested; call++)
            {
                var sentAt = Stopwatch.GetTimestamp();
                try
                {
                    values.Add(await fixture.Silos[call % 3].Grains.GetGrain<IProbeGrain>(student).IncrementAsync());
                    if (sentAt > Volatile.Read(ref stoppedAt))
                    {
                        firstAnswerAfterStop.TryAdd(student, Stopwatch.GetTimestamp());
                    }
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    errors.Add(e);
                    await Task.Delay(10);
                }
            }
        }
    }
}
