using System.Globalization;
using MasteryEngine.Runtime;
using MasteryEngine.Runtime.Storage;

namespace MasteryEngine.Redis.Tests;

public class RedisReadableRecordsTests(RedisStorageFixture fixture) : IClassFixture<RedisStorageFixture>
{
    public sealed class DailyScoreState : IReadableStorageRecords
    {
        public Dictionary<string, double> ScoreByDay { get; set; } = [];

        public string LatestDay { get; set; } = "";

        public IReadOnlyList<ReadableStorageRecord> GetRecordsToStore() =>
            LatestDay.Length == 0
                ? []
                : [new ReadableStorageRecord($"mastery:{LatestDay}", $$"""{"date":"{{LatestDay}}","score":{{ScoreByDay[LatestDay].ToString(CultureInfo.InvariantCulture)}}}""")];

        public void Record(string day, double score)
        {
            ScoreByDay[day] = score;
            LatestDay = day;
        }
    }

    private static GrainId NewStudent() => new("student", "student_" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task Each_days_snapshot_is_readable_under_its_own_key_with_the_retention_ttl()
    {
        var student = NewStudent();
        var state = new GrainState<DailyScoreState>();
        state.State.Record("2026-11-21", 0.5);
        await fixture.Storage.WriteStateAsync("state", student, state);

        state.State.Record("2026-11-22", 0.75);
        await fixture.Storage.WriteStateAsync("state", student, state);

        var scope = $"student:{{{student.Key}}}";
        Assert.Equal("""{"date":"2026-11-21","score":0.5}""", await fixture.Server.CliAsync("GET", $"{scope}:mastery:2026-11-21"));
        Assert.Equal("""{"date":"2026-11-22","score":0.75}""", await fixture.Server.CliAsync("GET", $"{scope}:mastery:2026-11-22"));
        var ttl = double.Parse(await fixture.Server.CliAsync("PTTL", $"{scope}:mastery:2026-11-22"), CultureInfo.InvariantCulture);
        Assert.InRange(ttl, TimeSpan.FromDays(90).TotalMilliseconds - 60_000, TimeSpan.FromDays(90).TotalMilliseconds);
    }

    [Fact]
    public async Task A_rejected_write_stores_no_snapshot()
    {
        var student = NewStudent();
        await fixture.Storage.WriteStateAsync("state", student, new GrainState<DailyScoreState>());
        var stale = new GrainState<DailyScoreState> { ETag = "stale" };
        stale.State.Record("2026-11-22", 0.9);

        await Assert.ThrowsAsync<InconsistentStateException>(() => fixture.Storage.WriteStateAsync("state", student, stale));

        Assert.Equal("0", await fixture.Server.CliAsync("EXISTS", $"student:{{{student.Key}}}:mastery:2026-11-22"));
    }

    [Fact]
    public async Task Clearing_deletes_every_snapshot_with_the_state()
    {
        var student = NewStudent();
        var state = new GrainState<DailyScoreState>();
        foreach (var day in new[] { "2026-11-20", "2026-11-21", "2026-11-22" })
        {
            state.State.Record(day, 0.6);
            await fixture.Storage.WriteStateAsync("state", student, state);
        }

        Assert.Equal("4", await fixture.Server.CliAsync("EVAL", "return #redis.call('KEYS', ARGV[1])", "0", $"*{student.Key}*"));

        await fixture.Storage.ClearStateAsync("state", student, state);

        Assert.Equal("", await fixture.Server.CliAsync("--scan", "--pattern", $"*{student.Key}*"));
    }
}
