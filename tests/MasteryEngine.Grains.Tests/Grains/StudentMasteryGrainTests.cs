using MasteryEngine.Grains.Domain;
using MasteryEngine.Grains.Tests.Domain;
using MasteryEngine.Grains.Tests.Fakes;
using MasteryEngine.Runtime;
using MasteryEngine.Runtime.Storage;
using MasteryEngine.Runtime.Streams;

namespace MasteryEngine.Grains.Tests.Grains;

public class StudentMasteryGrainTests
{
    private static readonly ComponentScores Proficient = new(0.85, 0.90, 0.85, 0.82);

    [Fact]
    public async Task A_student_without_data_is_a_novice_with_zero_components_and_no_history()
    {
        var host = new HandBuiltHost();

        var result = await host.GetGrain<IStudentMasteryGrain>("nobody").QueryAsync();

        Assert.Equal(0, result.CurrentMastery.MasteryScore);
        Assert.Equal(MasteryLevel.Novice, result.CurrentMastery.Level);
        Assert.Equal(ComponentScores.Zero, result.CurrentMastery.Components);
        Assert.Null(result.HistoricalAverage);
        Assert.Equal(MasteryTrend.Stable, result.Trend);
        Assert.Empty(result.Topics);
        Assert.False(await host.GetGrain<IStudentMasteryGrain>("nobody").HasDataAsync());
        Assert.False(host.Storage.Contains("student/nobody"));
    }

    [Fact]
    public async Task A_calculation_with_components_is_stored_and_answered_by_later_queries()
    {
        var host = new HandBuiltHost();
        var student = host.GetGrain<IStudentMasteryGrain>("s1");

        var calculated = await student.CalculateAsync(Proficient);
        host.DropActivations();
        var queried = await host.GetGrain<IStudentMasteryGrain>("s1").QueryAsync();

        Assert.Equal(0.862, calculated.MasteryScore);
        Assert.Equal(MasteryLevel.Proficient, calculated.Level);
        Assert.Equal(4, calculated.Breakdown.Count);
        Assert.NotEmpty(calculated.Recommendations);
        Assert.Equal(Proficient, queried.CurrentMastery.Components);
        Assert.Equal(0.862, queried.HistoricalAverage);
    }

    [Fact]
    public async Task Components_outside_0_to_1_are_refused_and_nothing_is_stored()
    {
        var host = new HandBuiltHost();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => host.GetGrain<IStudentMasteryGrain>("s1").CalculateAsync(Proficient with { Quiz = 1.2 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => host.GetGrain<IStudentMasteryGrain>("s1").CalculateAsync(Proficient with { Quality = double.NaN }));

        Assert.False(host.Storage.Contains("student/s1"));
    }

    [Fact]
    public async Task A_repeated_event_id_is_acknowledged_and_changes_nothing()
    {
        var host = new HandBuiltHost();
        var student = host.GetGrain<IStudentMasteryGrain>("s1");
        var quiz = Event("quiz", """{"score":8,"max_score":10}""", "s1", "evt-1");

        var first = await student.ApplyEventAsync(quiz);
        var stored = host.Storage.JsonOf("student/s1");
        var writes = host.Storage.Writes;
        var published = host.Streams.Published.Count;
        var second = await student.ApplyEventAsync(quiz with { Data = Json("""{"score":1,"max_score":10}""") });

        Assert.True(first.Applied);
        Assert.False(second.Applied);
        Assert.Equal(first.MasteryScore, second.MasteryScore);
        Assert.Equal(stored, host.Storage.JsonOf("student/s1"));
        Assert.Equal(writes, host.Storage.Writes);
        Assert.Equal(published, host.Streams.Published.Count);
    }

    [Fact]
    public async Task Applied_event_ids_survive_a_reactivation()
    {
        var host = new HandBuiltHost();
        var quiz = Event("quiz", """{"score":8,"max_score":10}""", "s1", "evt-1");
        await host.GetGrain<IStudentMasteryGrain>("s1").ApplyEventAsync(quiz);

        host.DropActivations();
        var again = await host.GetGrain<IStudentMasteryGrain>("s1").ApplyEventAsync(quiz);

        Assert.False(again.Applied);
    }

    [Fact]
    public async Task Events_move_the_components_as_the_domain_says()
    {
        var host = new HandBuiltHost();
        var student = host.GetGrain<IStudentMasteryGrain>("s1");

        await student.ApplyEventAsync(Event("completion", """{"total_exercises":10,"completed_exercises":8,"difficulty":"intermediate"}""", "s1", "e1"));
        await student.ApplyEventAsync(Event("quiz", """{"score":6,"max_score":10}""", "s1", "e2"));
        await student.ApplyEventAsync(Event("quiz", """{"score":10,"max_score":10}""", "s1", "e3"));
        await student.ApplyEventAsync(Event("quality", """{"score":0.9}""", "s1", "e4"));
        var components = (await student.QueryAsync()).CurrentMastery.Components;

        Assert.Equal(0.8, components.Completion, 12);
        Assert.Equal(0.72, components.Quiz, 12);
        Assert.Equal(0.9, components.Quality, 12);
        Assert.Equal(1.0 / 14, components.Consistency, 12);
    }

    [Fact]
    public async Task Topic_events_are_tracked_per_topic_beside_the_overall()
    {
        var host = new HandBuiltHost();
        var student = host.GetGrain<IStudentMasteryGrain>("s1");

        await student.ApplyEventAsync(Event("completion", """{"total_exercises":4,"completed_exercises":4}""", "s1", "e1", topic: "python.loops"));
        await student.ApplyEventAsync(Event("completion", """{"total_exercises":6,"completed_exercises":0}""", "s1", "e2", topic: "python.functions"));
        await student.ApplyEventAsync(Event("quiz", """{"score":1,"max_score":2}""", "s1", "e3", topic: "python.loops"));
        var result = await student.QueryAsync();

        var loops = Assert.Single(result.Topics, t => t.Topic == "python.loops");
        var functions = Assert.Single(result.Topics, t => t.Topic == "python.functions");
        Assert.Equal((1.0, 0.5), (loops.Components.Completion, loops.Components.Quiz));
        Assert.Equal(0.0, functions.Components.Completion);
        Assert.Equal(0.4, result.CurrentMastery.Components.Completion, 12);
        Assert.Equal(0.5, result.CurrentMastery.Components.Quiz, 12);
    }

    [Fact]
    public async Task An_invalid_event_is_refused_with_its_reason_and_stores_nothing()
    {
        var host = new HandBuiltHost();

        var error = await Assert.ThrowsAsync<InvalidLearningEventException>(
            () => host.GetGrain<IStudentMasteryGrain>("s1").ApplyEventAsync(Event("quiz", """{"score":11,"max_score":10}""", "s1", "e1")));

        Assert.Equal(LearningEventRejection.InvalidData, error.Rejection.Reason);
        Assert.False(host.Storage.Contains("student/s1"));
    }

    [Fact]
    public async Task An_event_for_another_student_is_refused()
    {
        var host = new HandBuiltHost();

        var error = await Assert.ThrowsAsync<InvalidLearningEventException>(
            () => host.GetGrain<IStudentMasteryGrain>("s1").ApplyEventAsync(Event("quality", """{"score":0.5}""", "s2", "e1")));

        Assert.Equal(LearningEventRejection.InvalidStudentId, error.Rejection.Reason);
    }

    [Fact]
    public async Task A_level_change_is_announced_once_on_the_students_stream()
    {
        var host = new HandBuiltHost();
        var student = host.GetGrain<IStudentMasteryGrain>("s1");

        await student.CalculateAsync(new ComponentScores(0.2, 0.2, 0.2, 0.2));
        await student.CalculateAsync(Proficient);
        await student.CalculateAsync(Proficient with { Completion = 0.86 });

        var reached = host.Streams.ItemsOf<MasteryThresholdReached>(new StreamId(StreamNamespaces.MasteryEvents, "s1"));
        var change = Assert.Single(reached);
        Assert.Equal((MasteryLevel.Novice, MasteryLevel.Proficient, 0.862), (change.PreviousLevel, change.Level, change.MasteryScore));
    }

    [Fact]
    public async Task A_fall_to_a_lower_level_is_announced_too()
    {
        var host = new HandBuiltHost();
        var student = host.GetGrain<IStudentMasteryGrain>("s1");
        await student.CalculateAsync(Proficient);

        await student.CalculateAsync(new ComponentScores(0.5, 0.5, 0.5, 0.5));

        var last = host.Streams.ItemsOf<MasteryThresholdReached>(new StreamId(StreamNamespaces.MasteryEvents, "s1"))[^1];
        Assert.Equal((MasteryLevel.Proficient, MasteryLevel.Developing), (last.PreviousLevel, last.Level));
    }

    [Fact]
    public async Task A_change_of_the_top_recommendations_is_announced_but_a_change_of_gains_alone_is_not()
    {
        var host = new HandBuiltHost();
        var student = host.GetGrain<IStudentMasteryGrain>("s1");
        var stream = new StreamId(StreamNamespaces.MasteryEvents, "s1");

        await student.CalculateAsync(new ComponentScores(0.5, 0.8, 0.8, 0.8));
        await student.CalculateAsync(new ComponentScores(0.52, 0.8, 0.8, 0.8));
        var afterGainChange = host.Streams.ItemsOf<LearningPathRecommended>(stream).Count;
        await student.CalculateAsync(new ComponentScores(0.9, 0.4, 0.8, 0.8));

        var announced = host.Streams.ItemsOf<LearningPathRecommended>(stream);
        Assert.Equal(1, afterGainChange);
        Assert.Equal(2, announced.Count);
        Assert.Equal(MasteryComponent.Quiz, announced[^1].Recommendations[0].Component);
        Assert.InRange(announced[^1].Recommendations.Count, 1, StudentMasteryState.TopRecommendations);
    }

    [Fact]
    public async Task Nothing_new_is_announced_after_a_reactivation_when_nothing_changed()
    {
        var host = new HandBuiltHost();
        await host.GetGrain<IStudentMasteryGrain>("s1").CalculateAsync(Proficient);

        await host.DeactivateAllAsync();
        await host.GetGrain<IStudentMasteryGrain>("s1").CalculateAsync(Proficient);

        var stream = new StreamId(StreamNamespaces.MasteryEvents, "s1");
        Assert.Single(host.Streams.ItemsOf<MasteryThresholdReached>(stream));
        Assert.Single(host.Streams.ItemsOf<LearningPathRecommended>(stream));
    }

    [Fact]
    public async Task Nothing_is_announced_when_the_write_fails_and_the_state_stays_as_before()
    {
        var host = new HandBuiltHost();
        var student = host.GetGrain<IStudentMasteryGrain>("s1");
        await student.CalculateAsync(new ComponentScores(0.2, 0.2, 0.2, 0.2));
        var published = host.Streams.Published.Count;
        host.Storage.FailNextWrite = new StorageUnavailableException();

        await Assert.ThrowsAsync<StorageUnavailableException>(() => student.CalculateAsync(Proficient));

        Assert.Equal(published, host.Streams.Published.Count);
        Assert.Equal(0.2, (await student.QueryAsync()).CurrentMastery.Components.Completion);
    }

    [Fact]
    public async Task A_failing_stream_does_not_fail_a_stored_change()
    {
        var host = new HandBuiltHost();
        host.Streams.Fail = true;

        var result = await host.GetGrain<IStudentMasteryGrain>("s1").CalculateAsync(Proficient);

        Assert.Equal(MasteryLevel.Proficient, result.Level);
        Assert.True(host.Storage.Contains("student/s1"));
    }

    [Fact]
    public async Task A_write_that_loses_to_another_silo_is_re_applied_on_the_fresh_state()
    {
        var storage = new FakeGrainStorage();
        var siloA = new HandBuiltHost(storage);
        var siloB = new HandBuiltHost(storage, siloA.Clock);
        var onB = siloB.GetGrain<IStudentMasteryGrain>("s1");
        await onB.QueryAsync();
        await siloA.GetGrain<IStudentMasteryGrain>("s1").ApplyEventAsync(Event("quiz", """{"score":5,"max_score":10}""", "s1", "from-a"));

        var applied = await onB.ApplyEventAsync(Event("quality", """{"score":0.8}""", "s1", "from-b"));
        var repeated = await onB.ApplyEventAsync(Event("quiz", """{"score":5,"max_score":10}""", "s1", "from-a"));

        Assert.True(applied.Applied);
        Assert.False(repeated.Applied);
        var components = (await onB.QueryAsync()).CurrentMastery.Components;
        Assert.Equal((0.5, 0.8), (components.Quiz, components.Quality));
    }

    [Theory]
    [InlineData(StudentMasteryGrain.MaxWriteAttempts - 1, true)]
    [InlineData(StudentMasteryGrain.MaxWriteAttempts, false)]
    public async Task Conflicts_are_retried_a_bounded_number_of_times(int conflicts, bool succeeds)
    {
        var host = new HandBuiltHost();
        var student = host.GetGrain<IStudentMasteryGrain>("s1");
        await student.CalculateAsync(new ComponentScores(0.1, 0.1, 0.1, 0.1));
        host.Storage.ConflictNextWrites = conflicts;

        var attempt = await Record.ExceptionAsync(() => student.CalculateAsync(Proficient));

        Assert.Equal(succeeds, attempt is null);
        Assert.Equal(succeeds ? null : typeof(InconsistentStateException), attempt?.GetType());
        Assert.Equal(succeeds ? 0.85 : 0.1, (await student.QueryAsync()).CurrentMastery.Components.Completion);
    }

    [Fact]
    public async Task Consistency_decays_in_queries_as_days_pass_without_activity()
    {
        var host = new HandBuiltHost();
        var student = host.GetGrain<IStudentMasteryGrain>("s1");
        for (var day = 0; day < 7; day++)
        {
            await student.ApplyEventAsync(Event("quality", """{"score":0.5}""", "s1", $"e{day}", host.Clock.GetUtcNow()));
            host.Clock.Advance(TimeSpan.FromDays(1));
        }

        var justAfter = (await student.QueryAsync()).CurrentMastery.Components.Consistency;
        host.Clock.Advance(TimeSpan.FromDays(10));
        var later = (await student.QueryAsync()).CurrentMastery.Components.Consistency;

        Assert.Equal(7.0 / 14, justAfter, 12);
        Assert.Equal(3.0 / 14, later, 12);
    }

    [Fact]
    public async Task One_snapshot_is_kept_per_day_for_the_retention_period()
    {
        var host = new HandBuiltHost(options: new MasteryOptions { RetentionDays = 10 });
        var student = host.GetGrain<IStudentMasteryGrain>("s1");
        for (var day = 0; day < 15; day++)
        {
            host.Clock.Advance(TimeSpan.FromDays(day == 0 ? 0 : 1));
            await student.CalculateAsync(new ComponentScores(0.3, 0.3, 0.3, 0.3));
            await student.CalculateAsync(new ComponentScores(0.5, 0.5, 0.5, 0.5));
        }

        var export = await student.ExportAsync();

        Assert.Equal(10, export.Snapshots.Count);
        Assert.All(export.Snapshots, s => Assert.Equal(0.5, s.MasteryScore));
        Assert.Equal(DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime).AddDays(-9), export.Snapshots[0].Date);
    }

    [Fact]
    public async Task History_beyond_retention_is_pruned_from_storage_when_the_student_is_next_loaded()
    {
        var host = new HandBuiltHost(options: new MasteryOptions { RetentionDays = 30 });
        await host.GetGrain<IStudentMasteryGrain>("s1").ApplyEventAsync(Event("quality", """{"score":0.5}""", "s1", "e1"));

        host.Clock.Advance(TimeSpan.FromDays(31));
        host.DropActivations();
        var history = await host.GetGrain<IStudentMasteryGrain>("s1").GetHistoryAsync(30);

        Assert.Empty(history.Snapshots);
        var stored = System.Text.Json.JsonSerializer.Deserialize<StudentMasteryState>(host.Storage.JsonOf("student/s1")!, FakeGrainStorage.JsonOptions)!;
        Assert.Empty(stored.Snapshots);
        Assert.Empty(stored.AppliedEvents);
    }

    [Fact]
    public async Task History_prediction_and_recommendations_are_answered_from_the_snapshots()
    {
        var host = new HandBuiltHost();
        var student = host.GetGrain<IStudentMasteryGrain>("s1");
        foreach (var completion in new[] { 0.3, 0.4, 0.5, 0.6, 0.7 })
        {
            await student.CalculateAsync(new ComponentScores(completion, 0.5, 0.5, 0.5));
            host.Clock.Advance(TimeSpan.FromDays(1));
        }

        var history = await student.GetHistoryAsync(3);
        var prediction = await student.PredictAsync(7);
        var high = await student.RecommendAsync(10, RecommendationPriority.High);
        var top = await student.RecommendAsync(1, null);

        Assert.Equal(2, history.Snapshots.Count);
        Assert.Equal(MasteryTrend.Improving, history.Trend);
        Assert.False(prediction.InsufficientHistory);
        Assert.InRange(prediction.Confidence, 0.01, 1);
        Assert.True(prediction.PredictedMastery > prediction.CurrentMastery);
        Assert.All(high, r => Assert.Equal(RecommendationPriority.High, r.Priority));
        Assert.Single(top);
    }

    [Fact]
    public async Task Export_shows_everything_held_about_the_student()
    {
        var host = new HandBuiltHost();
        var student = host.GetGrain<IStudentMasteryGrain>("s1");
        await student.ApplyEventAsync(Event("quality", """{"score":0.5}""", "s1", "e1", topic: "loops"));
        await host.GetGrain<ICohortGrain>("c1").AddStudentAsync("s1");
        await student.RecordBatchAsync("b1");

        var export = await student.ExportAsync();

        Assert.NotNull(export.CurrentMastery);
        Assert.Single(export.Topics);
        Assert.Single(export.Snapshots);
        Assert.Equal(EventFingerprint.ToHex(EventFingerprint.Of("e1")), Assert.Single(export.AppliedEventIds));
        Assert.Equal(["c1"], export.Cohorts);
        Assert.Equal(["b1"], export.Batches);
    }

    [Fact]
    public async Task Erasure_removes_the_state_leaves_every_cohort_and_batch_and_deactivates()
    {
        var host = new HandBuiltHost();
        var student = host.GetGrain<IStudentMasteryGrain>("s1");
        await student.ApplyEventAsync(Event("quality", """{"score":0.5}""", "s1", "e1", topic: "loops"));
        await host.GetGrain<ICohortGrain>("c1").AddStudentAsync("s1");
        await host.GetGrain<ICohortGrain>("c2").AddStudentAsync("s1");
        await host.GetGrain<IBatchGrain>("b1").StartAsync([new BatchItem("s1", Proficient)]);
        await Eventually(async () => (await host.GetGrain<IBatchGrain>("b1").GetStatusAsync())?.State == BatchStatus.Done);

        var report = await student.EraseAsync();

        Assert.Equal(ErasedDataKinds.All, report.ErasedDataKinds);
        Assert.False(host.Storage.Contains("student/s1"));
        Assert.False(await host.GetGrain<ICohortGrain>("c1").ContainsAsync("s1"));
        Assert.False(await host.GetGrain<ICohortGrain>("c2").ContainsAsync("s1"));
        Assert.Empty((await host.GetGrain<IBatchGrain>("b1").GetStatusAsync())!.Results);
        Assert.True(host.Contexts[new GrainId("student", "s1")].DeactivationRequested);
        host.DropActivations();
        var after = await host.GetGrain<IStudentMasteryGrain>("s1").QueryAsync();
        Assert.Equal(0, after.CurrentMastery.MasteryScore);
        Assert.Null(after.HistoricalAverage);
        Assert.True((await host.GetGrain<IStudentMasteryGrain>("s1").ApplyEventAsync(Event("quality", """{"score":0.5}""", "s1", "e1"))).Applied);
    }

    [Fact]
    public async Task Erasing_a_student_without_data_reports_nothing_erased()
    {
        var host = new HandBuiltHost();

        var report = await host.GetGrain<IStudentMasteryGrain>("ghost").EraseAsync();

        Assert.Empty(report.ErasedDataKinds);
    }

    [Fact]
    public async Task Leaving_a_cohort_removes_the_membership_on_both_sides()
    {
        var host = new HandBuiltHost();
        await host.GetGrain<ICohortGrain>("c1").AddStudentAsync("s1");

        await host.GetGrain<IStudentMasteryGrain>("s1").LeaveCohortAsync("c1");

        Assert.Empty(await host.GetGrain<IStudentMasteryGrain>("s1").GetCohortsAsync());
        Assert.False(await host.GetGrain<ICohortGrain>("c1").ContainsAsync("s1"));
    }

    internal static LearningEvent Event(string type, string data, string studentId, string eventId, DateTimeOffset? timestamp = null, string? topic = null) =>
        LearningEventValidatorTests.Event(type, data, studentId, eventId, topic) with { Timestamp = timestamp ?? new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero) };

    internal static System.Text.Json.JsonElement Json(string json) => System.Text.Json.JsonDocument.Parse(json).RootElement.Clone();

    internal static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not become true within 30 s.");
            await Task.Delay(20);
        }
    }
}
