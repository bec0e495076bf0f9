using MasteryEngine.Grains.Tests.Fakes;
using static MasteryEngine.Grains.Tests.Grains.StudentMasteryGrainTests;

namespace MasteryEngine.Grains.Tests.Grains;

public class BatchGrainTests
{
    [Fact]
    public async Task A_batch_is_worked_through_in_the_background_and_its_progress_stored()
    {
        var host = new HandBuiltHost();
        var batch = host.GetGrain<IBatchGrain>("b1");
        await host.GetGrain<IStudentMasteryGrain>("known").CalculateAsync(new ComponentScores(0.5, 0.5, 0.5, 0.5));
        var items = Enumerable.Range(0, 70)
            .Select(i => new BatchItem($"s{i}", new ComponentScores(0.85, 0.90, 0.85, 0.82)))
            .Append(new BatchItem("known", null))
            .ToList();

        await batch.StartAsync(items);
        await Eventually(async () => (await batch.GetStatusAsync())!.State == BatchStatus.Done);
        var status = await batch.GetStatusAsync();

        Assert.Equal((71, 71, 0), (status!.Total, status.Completed, status.Failed));
        Assert.NotNull(status.CompletedAt);
        Assert.Equal(0.862, status.Results.Single(r => r.StudentId == "s7").MasteryScore);
        Assert.Equal(0.5, status.Results.Single(r => r.StudentId == "known").MasteryScore);
        Assert.Equal(["b1"], (await host.GetGrain<IStudentMasteryGrain>("s7").ExportAsync()).Batches);
    }

    [Fact]
    public async Task An_empty_batch_is_completed_at_once()
    {
        var host = new HandBuiltHost();
        var batch = host.GetGrain<IBatchGrain>("b1");

        await batch.StartAsync([]);
        var empty = await batch.GetStatusAsync();

        Assert.Equal((BatchStatus.Done, 0), (empty!.State, empty.Total));
    }

    [Fact]
    public async Task A_batch_that_was_never_started_has_no_status()
    {
        var host = new HandBuiltHost();

        Assert.Null(await host.GetGrain<IBatchGrain>("nope").GetStatusAsync());
    }

    [Fact]
    public async Task A_batch_status_expires_a_day_after_creation()
    {
        var host = new HandBuiltHost();
        var batch = host.GetGrain<IBatchGrain>("b1");
        await batch.StartAsync([new BatchItem("s1", new ComponentScores(0.5, 0.5, 0.5, 0.5))]);
        await Eventually(async () => (await batch.GetStatusAsync())!.State == BatchStatus.Done);

        host.Clock.Advance(TimeSpan.FromHours(23));
        var beforeExpiry = await batch.GetStatusAsync();
        host.Clock.Advance(TimeSpan.FromHours(1));
        var afterExpiry = await batch.GetStatusAsync();

        Assert.NotNull(beforeExpiry);
        Assert.Null(afterExpiry);
        Assert.False(host.Storage.Contains("batch/b1"));
    }

    [Fact]
    public async Task Forgetting_a_student_removes_its_result()
    {
        var host = new HandBuiltHost();
        var batch = host.GetGrain<IBatchGrain>("b1");
        await batch.StartAsync([new BatchItem("s1", null), new BatchItem("s2", null)]);
        await Eventually(async () => (await batch.GetStatusAsync())!.State == BatchStatus.Done);

        await batch.ForgetStudentAsync("s1");
        var status = await batch.GetStatusAsync();

        Assert.Equal(["s2"], status!.Results.Select(r => r.StudentId));
        Assert.Equal(1, status.Total);
    }

    [Fact]
    public async Task A_failing_student_is_counted_as_failed_with_its_error()
    {
        var host = new HandBuiltHost();
        var batch = host.GetGrain<IBatchGrain>("b1");
        host.Storage.AlwaysConflicting["student/s1"] = true;

        await batch.StartAsync([new BatchItem("s1", new ComponentScores(0.5, 0.5, 0.5, 0.5))]);
        await Eventually(async () => (await batch.GetStatusAsync())!.State == BatchStatus.Done);
        var status = await batch.GetStatusAsync();

        Assert.Equal((0, 1), (status!.Completed, status.Failed));
        Assert.False(string.IsNullOrEmpty(status.Results[0].Error));
    }

    [Fact]
    public async Task Invalid_items_are_refused_before_anything_is_stored()
    {
        var host = new HandBuiltHost();
        var batch = host.GetGrain<IBatchGrain>("b1");

        await Assert.ThrowsAsync<ArgumentException>(() => batch.StartAsync([new BatchItem("bad id!", null)]));
        await Assert.ThrowsAsync<ArgumentException>(() => batch.StartAsync([new BatchItem("s1", new ComponentScores(2, 0, 0, 0))]));

        Assert.Null(await batch.GetStatusAsync());
    }

    [Fact]
    public async Task Starting_a_live_batch_twice_is_refused()
    {
        var host = new HandBuiltHost();
        await host.GetGrain<IBatchGrain>("b1").StartAsync([]);

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.GetGrain<IBatchGrain>("b1").StartAsync([]));
    }

    [Fact]
    public async Task A_batch_interrupted_by_a_restart_resumes_on_its_next_activation()
    {
        var storage = new FakeGrainStorage();
        var crashed = new HandBuiltHost(storage);
        var state = new BatchState
        {
            CreatedAt = crashed.Clock.GetUtcNow(),
            Entries =
            [
                new BatchEntry { StudentId = "s1", Done = true, MasteryScore = 0.5, Level = MasteryLevel.Developing },
                new BatchEntry { StudentId = "s2", Components = new ComponentScores(0.85, 0.90, 0.85, 0.82) },
            ],
        };
        storage.Write("batch/b1", System.Text.Json.JsonSerializer.Serialize(state, FakeGrainStorage.JsonOptions), null);

        var restarted = new HandBuiltHost(storage, crashed.Clock);
        var batch = restarted.GetGrain<IBatchGrain>("b1");
        await Eventually(async () => (await batch.GetStatusAsync())!.State == BatchStatus.Done);

        var status = await batch.GetStatusAsync();
        Assert.Equal((2, 0), (status!.Completed, status.Failed));
        Assert.Equal(0.862, status.Results.Single(r => r.StudentId == "s2").MasteryScore);
    }
}
