using MasteryEngine.Grains.Tests.Fakes;

namespace MasteryEngine.Grains.Tests.Grains;

public class CohortGrainTests
{
    [Fact]
    public async Task Adding_a_student_records_the_membership_on_both_sides()
    {
        var host = new HandBuiltHost();

        await host.GetGrain<ICohortGrain>("c1").AddStudentAsync("s1");
        await host.GetGrain<ICohortGrain>("c1").AddStudentAsync("s1");

        Assert.Equal(["s1"], await host.GetGrain<ICohortGrain>("c1").GetStudentsAsync());
        Assert.Equal(["c1"], await host.GetGrain<IStudentMasteryGrain>("s1").GetCohortsAsync());
    }

    [Fact]
    public async Task Membership_survives_a_reactivation()
    {
        var host = new HandBuiltHost();
        await host.GetGrain<ICohortGrain>("c1").AddStudentAsync("s1");

        host.DropActivations();

        Assert.True(await host.GetGrain<ICohortGrain>("c1").ContainsAsync("s1"));
    }

    [Fact]
    public async Task Removing_a_student_changes_only_the_cohort_side()
    {
        var host = new HandBuiltHost();
        await host.GetGrain<ICohortGrain>("c1").AddStudentAsync("s1");

        await host.GetGrain<ICohortGrain>("c1").RemoveStudentAsync("s1");
        await host.GetGrain<ICohortGrain>("c1").RemoveStudentAsync("never-there");

        Assert.Empty(await host.GetGrain<ICohortGrain>("c1").GetStudentsAsync());
        Assert.Equal(["c1"], await host.GetGrain<IStudentMasteryGrain>("s1").GetCohortsAsync());
    }

    [Theory]
    [InlineData("test; DROP TABLE users;--")]
    [InlineData("")]
    public async Task A_malformed_student_id_is_refused(string studentId)
    {
        var host = new HandBuiltHost();

        await Assert.ThrowsAsync<ArgumentException>(() => host.GetGrain<ICohortGrain>("c1").AddStudentAsync(studentId));
    }

    [Fact]
    public async Task Analytics_average_over_the_members_with_data_and_count_every_member()
    {
        var host = new HandBuiltHost();
        var cohort = host.GetGrain<ICohortGrain>("c1");
        foreach (var id in new[] { "a", "b", "c", "idle" })
        {
            await cohort.AddStudentAsync(id);
        }

        await host.GetGrain<IStudentMasteryGrain>("a").CalculateAsync(new ComponentScores(0.85, 0.90, 0.85, 0.82));
        await host.GetGrain<IStudentMasteryGrain>("b").CalculateAsync(new ComponentScores(0.70, 0.75, 0.80, 0.65));
        await host.GetGrain<IStudentMasteryGrain>("c").CalculateAsync(new ComponentScores(0.1, 0.1, 0.1, 0.1));

        var analytics = await cohort.GetAnalyticsAsync();

        Assert.Equal(4, analytics.Size);
        Assert.Equal((0.862 + 0.73 + 0.1) / 3, analytics.MeanMastery!.Value, 9);
        Assert.Equal(1, analytics.LevelDistribution[MasteryLevel.Novice]);
        Assert.Equal(0, analytics.LevelDistribution[MasteryLevel.Developing]);
        Assert.Equal(2, analytics.LevelDistribution[MasteryLevel.Proficient]);
        Assert.Equal(0, analytics.LevelDistribution[MasteryLevel.Mastered]);
        Assert.Equal((0.85 + 0.70 + 0.1) / 3, analytics.MeanComponents!.Completion, 9);
    }

    [Fact]
    public async Task Analytics_of_a_cohort_without_data_have_no_mean()
    {
        var host = new HandBuiltHost();
        await host.GetGrain<ICohortGrain>("c1").AddStudentAsync("idle");

        var analytics = await host.GetGrain<ICohortGrain>("c1").GetAnalyticsAsync();

        Assert.Equal(1, analytics.Size);
        Assert.Null(analytics.MeanMastery);
        Assert.Null(analytics.MeanComponents);
        Assert.All(analytics.LevelDistribution.Values, count => Assert.Equal(0, count));
    }
}
