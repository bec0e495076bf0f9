using MasteryEngine.Grains.Domain;
using MasteryEngine.Testing;
using Orleans.Runtime;
using Orleans.Streams;

namespace MasteryEngine.Grains.Tests.Cluster;

[Collection(MasteryClusterCollection.Name)]
public sealed class StudentMasteryGrainTests(MasteryClusterFixture fixture)
{
    private static readonly ComponentScores Proficient = new(0.85, 0.9, 0.85, 0.82);

    [Fact]
    public async Task A_calculation_is_stored_and_read_back_by_a_new_activation()
    {
        var student = fixture.Client.GetGrain<IStudentMasteryGrain>(MasteryClusterFixture.NewKey("student"));

        var calculated = await student.CalculateAsync(Proficient);
        await fixture.Cluster.DeactivateAsync(student);
        var queried = await student.QueryAsync();

        Assert.Equal(MasteryLevel.Proficient, calculated.Level);
        Assert.Equal(calculated.MasteryScore, queried.CurrentMastery.MasteryScore);
        Assert.Equal(Proficient, queried.CurrentMastery.Components);
    }

    [Fact]
    public async Task A_repeated_event_id_changes_nothing()
    {
        var key = MasteryClusterFixture.NewKey("student");
        var student = fixture.Client.GetGrain<IStudentMasteryGrain>(key);

        var first = await student.ApplyEventAsync(LearningEvents.Quiz(key, "e-1", 0.9));
        var repeat = await student.ApplyEventAsync(LearningEvents.Quiz(key, "e-1", 0.1));
        await fixture.Cluster.DeactivateAsync(student);
        var afterReload = await student.ApplyEventAsync(LearningEvents.Quiz(key, "e-1", 0.1));

        Assert.True(first.Applied);
        Assert.False(repeat.Applied);
        Assert.False(afterReload.Applied);
        Assert.Equal(0.9, (await student.QueryAsync()).CurrentMastery.Components.Quiz, 6);
    }

    [Fact]
    public async Task An_invalid_event_reaches_the_caller_with_its_reason_and_changes_nothing()
    {
        var key = MasteryClusterFixture.NewKey("student");
        var student = fixture.Client.GetGrain<IStudentMasteryGrain>(key);

        var refused = await Assert.ThrowsAsync<InvalidLearningEventException>(
            () => student.ApplyEventAsync(LearningEvents.Quiz(MasteryClusterFixture.NewKey("someone_else"), "e-1", 0.5)));

        Assert.Equal(LearningEventRejection.InvalidStudentId, refused.Rejection.Reason);
        Assert.False(await student.HasDataAsync());
    }

    [Fact]
    public async Task Events_published_on_the_students_stream_are_applied_once_each_in_order()
    {
        var streamed = MasteryClusterFixture.NewKey("student");
        var direct = fixture.Client.GetGrain<IStudentMasteryGrain>(MasteryClusterFixture.NewKey("student"));
        var scores = Enumerable.Range(0, 20).Select(i => (i * 37 % 11) / 10.0).ToArray();
        var stream = fixture.Client.GetStreamProvider(StreamProviderNames.Mastery)
            .GetStream<LearningEvent>(StreamId.Create(StreamNamespaces.LearningEvents, streamed));

        for (var i = 0; i < scores.Length; i++)
        {
            await stream.OnNextAsync(LearningEvents.Quiz(streamed, $"e-{i}", scores[i]));
            await direct.ApplyEventAsync(LearningEvents.Quiz(direct.GetPrimaryKeyString(), $"e-{i}", scores[i]));
        }

        await stream.OnNextAsync(LearningEvents.Quiz(streamed, "e-0", 1.0));
        var expected = (await direct.QueryAsync()).CurrentMastery.Components.Quiz;
        var student = fixture.Client.GetGrain<IStudentMasteryGrain>(streamed);
        var applied = await Eventually.UntilAsync(
            async () => (await student.ExportAsync()).AppliedEventIds.Count, count => count == scores.Length, "every streamed event applied", TimeSpan.FromSeconds(30));

        // The quiz component is an exponentially weighted average: only the same events in the same order give it.
        Assert.Equal(scores.Length, applied);
        Assert.Equal(expected, (await student.QueryAsync()).CurrentMastery.Components.Quiz, 9);
    }

    [Fact]
    public async Task A_level_change_is_announced_on_the_students_milestone_stream()
    {
        var key = MasteryClusterFixture.NewKey("student");
        var received = new TaskCompletionSource<MasteryDomainEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stream = fixture.Client.GetStreamProvider(StreamProviderNames.Mastery)
            .GetStream<MasteryDomainEvent>(StreamId.Create(StreamNamespaces.MasteryEvents, key));
        var subscription = await stream.SubscribeAsync((milestone, _) =>
        {
            if (milestone is MasteryThresholdReached)
            {
                received.TrySetResult(milestone);
            }

            return Task.CompletedTask;
        });

        await fixture.Client.GetGrain<IStudentMasteryGrain>(key).CalculateAsync(Proficient);
        var milestone = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await subscription.UnsubscribeAsync();

        var reached = Assert.IsType<MasteryThresholdReached>(milestone);
        Assert.Equal((key, MasteryLevel.Novice, MasteryLevel.Proficient), (reached.StudentId, reached.PreviousLevel, reached.Level));
    }

    [Fact]
    public async Task A_batch_of_events_gives_one_result_per_event_and_the_same_state_as_one_by_one()
    {
        var batched = fixture.Client.GetGrain<IStudentMasteryGrain>(MasteryClusterFixture.NewKey("student"));
        var single = fixture.Client.GetGrain<IStudentMasteryGrain>(MasteryClusterFixture.NewKey("student"));
        var events = Enumerable.Range(0, 5).Select(i => (Id: $"e-{i % 4}", Score: i / 5.0)).ToArray();

        // An array, not a collection expression: for IReadOnlyList<T> the compiler makes a type Orleans cannot serialize.
        var results = await batched.ApplyEventsAsync(events.Select(e => LearningEvents.Quiz(batched.GetPrimaryKeyString(), e.Id, e.Score)).ToArray());
        foreach (var (id, score) in events)
        {
            await single.ApplyEventAsync(LearningEvents.Quiz(single.GetPrimaryKeyString(), id, score));
        }

        Assert.Equal([true, true, true, true, false], results.Select(r => r.Applied));
        Assert.Equal((await single.QueryAsync()).CurrentMastery.Components, (await batched.QueryAsync()).CurrentMastery.Components);
    }
}
