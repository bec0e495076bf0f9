using MasteryEngine.Grains;
using MasteryEngine.Grains.Domain;
using MasteryEngine.Runtime;
using MasteryEngine.Runtime.Storage;

namespace MasteryEngine.Redis.Tests;

public class StudentSnapshotKeysTests(RedisStorageFixture fixture) : IClassFixture<RedisStorageFixture>
{
    [Fact]
    public async Task A_students_daily_snapshot_is_readable_under_the_runbooks_key_pattern()
    {
        var student = new GrainId("student", "student_" + Guid.NewGuid().ToString("N")[..10]);
        var day = new DateOnly(2026, 11, 22).DayNumber;
        var state = new GrainState<StudentMasteryState>
        {
            State = new StudentMasteryState
            {
                Snapshots = [DailySnapshot.Of(day, 0.72, new ComponentScores(0.8, 0.7, 0.6, 0.75))],
                Level = MasteryLevel.Proficient,
            },
        };

        await fixture.Storage.WriteStateAsync("mastery", student, state);

        var json = await fixture.Server.CliAsync("GET", $"student:{{{student.Key}}}:mastery:2026-11-22");
        Assert.Contains("\"date\":\"2026-11-22\"", json);
        Assert.Contains("\"mastery_score\":0.72", json);
        Assert.Contains("\"level\":\"proficient\"", json);
    }
}
