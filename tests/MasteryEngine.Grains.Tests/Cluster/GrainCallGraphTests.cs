using MasteryEngine.Testing;

namespace MasteryEngine.Grains.Tests.Cluster;

/// <summary>
/// Orleans does not detect call cycles: a non-reentrant A→B→A waits until the response timeout. Every path between
/// the student, cohort, batch and erasure grains is run here while the grains it passes through are busy with
/// each other, under the fixture's short response timeout, so a cycle would fail the test with a
/// <see cref="TimeoutException"/>. The graph: cohort → student, batch (its background loop) → student and → batch,
/// erasure → cohort, batch and student; the student grain calls no other grain.
/// </summary>
[Collection(MasteryClusterCollection.Name)]
public sealed class GrainCallGraphTests(MasteryClusterFixture fixture)
{
    private static readonly ComponentScores Scores = new(0.5, 0.6, 0.7, 0.8);

    [Fact]
    public async Task Cohort_analytics_answer_while_its_members_are_being_written()
    {
        var cohort = fixture.Client.GetGrain<ICohortGrain>(MasteryClusterFixture.NewKey("cohort"));
        var students = Enumerable.Range(0, 20).Select(_ => MasteryClusterFixture.NewKey("student")).ToArray();
        foreach (var student in students)
        {
            await cohort.AddStudentAsync(student);
        }

        var writes = students.Select(s => fixture.Client.GetGrain<IStudentMasteryGrain>(s).CalculateAsync(Scores));
        var analytics = Enumerable.Range(0, 5).Select(_ => cohort.GetAnalyticsAsync());
        await Task.WhenAll(writes);
        var answers = await Task.WhenAll(analytics);

        Assert.All(answers, answer => Assert.Equal(students.Length, answer.Size));
        Assert.Equal(students.Length, (await cohort.GetAnalyticsAsync()).LevelDistribution.Values.Sum());
    }

    [Fact]
    public async Task Joining_leaving_and_erasing_the_same_student_at_once_all_answer()
    {
        var student = MasteryClusterFixture.NewKey("student");
        var cohorts = Enumerable.Range(0, 4).Select(_ => fixture.Client.GetGrain<ICohortGrain>(MasteryClusterFixture.NewKey("cohort"))).ToArray();
        await cohorts[0].AddStudentAsync(student);
        await fixture.Client.GetGrain<IStudentMasteryGrain>(student).CalculateAsync(Scores);

        await Task.WhenAll(
            cohorts[1].AddStudentAsync(student),
            cohorts[0].RemoveStudentAsync(student),
            fixture.Client.GetGrain<IStudentErasureGrain>(0).EraseAsync(student),
            cohorts[2].AddStudentAsync(student),
            cohorts[3].GetAnalyticsAsync());

        // Whatever order they ran in, both sides of every membership agree.
        var studentSide = await fixture.Client.GetGrain<IStudentMasteryGrain>(student).GetCohortsAsync();
        foreach (var cohort in cohorts)
        {
            Assert.Equal(await cohort.ContainsAsync(student), studentSide.Contains(cohort.GetPrimaryKeyString()));
        }
    }

    [Fact]
    public async Task Erasure_removes_the_student_from_every_cohort_and_batch_and_clears_the_state()
    {
        var student = MasteryClusterFixture.NewKey("student");
        var cohort = fixture.Client.GetGrain<ICohortGrain>(MasteryClusterFixture.NewKey("cohort"));
        var batch = fixture.Client.GetGrain<IBatchGrain>(MasteryClusterFixture.NewKey("batch"));
        await cohort.AddStudentAsync(student);
        await batch.StartAsync([new BatchItem(student, Scores)]);
        await Eventually.UntilAsync(async () => (await batch.GetStatusAsync())?.Completed == 1, TimeSpan.FromSeconds(30), "the batch calculated the student");

        var report = await fixture.Client.GetGrain<IStudentErasureGrain>(0).EraseAsync(student);

        Assert.Equal(
            [ErasedDataKinds.Mastery, ErasedDataKinds.Snapshots, ErasedDataKinds.CohortMemberships, ErasedDataKinds.BatchResults],
            report.ErasedDataKinds);
        Assert.False(await cohort.ContainsAsync(student));
        Assert.Empty((await batch.GetStatusAsync())!.Results);
        Assert.False(await fixture.Client.GetGrain<IStudentMasteryGrain>(student).HasDataAsync());
    }

    [Fact]
    public async Task A_batch_answers_its_status_while_its_students_are_erased_under_it()
    {
        var students = Enumerable.Range(0, 40).Select(_ => MasteryClusterFixture.NewKey("student")).ToArray();
        var batch = fixture.Client.GetGrain<IBatchGrain>(MasteryClusterFixture.NewKey("batch"));

        await batch.StartAsync([.. students.Select(s => new BatchItem(s, Scores))]);
        var erasures = students.Take(10).Select(s => fixture.Client.GetGrain<IStudentErasureGrain>(0).EraseAsync(s));
        var statuses = Enumerable.Range(0, 5).Select(_ => batch.GetStatusAsync());
        await Task.WhenAll(erasures);
        await Task.WhenAll(statuses);

        var done = await Eventually.UntilAsync(
            () => batch.GetStatusAsync(), status => status!.State == BatchStatus.Done, "the batch finished", TimeSpan.FromSeconds(30));
        Assert.Equal(BatchStatus.Done, done!.State);
    }
}
