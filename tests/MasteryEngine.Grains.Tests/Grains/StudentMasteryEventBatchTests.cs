using MasteryEngine.Grains.Tests.Fakes;
using MasteryEngine.Runtime.Storage;
using static MasteryEngine.Grains.Tests.Grains.StudentMasteryGrainTests;

namespace MasteryEngine.Grains.Tests.Grains;

public class StudentMasteryEventBatchTests
{
    private static readonly LearningEvent[] Session =
    [
        Event("completion", """{"total_exercises":10,"completed_exercises":8,"difficulty":"intermediate"}""", "s1", "e1", topic: "loops"),
        Event("quiz", """{"score":9,"max_score":10}""", "s1", "e2", topic: "loops"),
        Event("quality", """{"score":0.95}""", "s1", "e3"),
        Event("exercise.completed", """{"exercise_id":"loops-3"}""", "s1", "e4", topic: "loops"),
        Event("quiz", """{"score":10,"max_score":10}""", "s1", "e5"),
    ];

    [Fact]
    public async Task Events_applied_together_store_and_answer_what_one_by_one_would_with_one_write()
    {
        var oneByOne = new HandBuiltHost();
        var together = new HandBuiltHost();
        var expected = new List<EventApplyResult>();
        foreach (var learningEvent in Session)
        {
            expected.Add(await oneByOne.GetGrain<IStudentMasteryGrain>("s1").ApplyEventAsync(learningEvent));
        }

        var results = await together.GetGrain<IStudentMasteryGrain>("s1").ApplyEventsAsync(Session);

        Assert.Equal(expected, results);
        Assert.Equal(Session.Length, oneByOne.Storage.Writes);
        Assert.Equal(1, together.Storage.Writes);
        await oneByOne.DeactivateAllAsync();
        await together.DeactivateAllAsync();
        Assert.Equal(oneByOne.Storage.JsonOf("student/s1"), together.Storage.JsonOf("student/s1"));
        Assert.Equal(
            oneByOne.Streams.Published.Select(p => p.Item.GetType().Name),
            together.Streams.Published.Select(p => p.Item.GetType().Name));
        Assert.NotEmpty(together.Streams.Published);
    }

    [Fact]
    public async Task An_invalid_event_among_them_applies_none_of_them()
    {
        var host = new HandBuiltHost();
        var invalid = Event("quiz", """{"score":12,"max_score":10}""", "s1", "bad");

        await Assert.ThrowsAsync<InvalidLearningEventException>(() =>
            host.GetGrain<IStudentMasteryGrain>("s1").ApplyEventsAsync([Session[0], invalid, Session[1]]));

        Assert.False(host.Storage.Contains("student/s1"));
        Assert.Empty(host.Streams.Published);
    }

    [Fact]
    public async Task A_failed_write_applies_none_of_them_and_a_retry_applies_all()
    {
        var host = new HandBuiltHost();
        var student = host.GetGrain<IStudentMasteryGrain>("s1");
        host.Storage.FailNextWrite = new StorageUnavailableException();

        await Assert.ThrowsAsync<StorageUnavailableException>(() => student.ApplyEventsAsync(Session));
        Assert.Empty(host.Streams.Published);
        var retried = await student.ApplyEventsAsync(Session);

        Assert.All(retried, result => Assert.True(result.Applied));
        Assert.Equal(1, host.Storage.Writes);
        Assert.NotEmpty(host.Streams.Published);
    }

    [Fact]
    public async Task An_event_id_repeated_within_them_or_applied_before_changes_nothing()
    {
        var host = new HandBuiltHost();
        var student = host.GetGrain<IStudentMasteryGrain>("s1");
        await student.ApplyEventAsync(Session[0]);
        var repeat = Session[1] with { Data = Json("""{"score":1,"max_score":10}""") };

        var results = await student.ApplyEventsAsync([Session[0], Session[1], repeat]);

        Assert.Equal([false, true, false], results.Select(result => result.Applied));
        Assert.Equal(results[1].MasteryScore, results[2].MasteryScore);
        Assert.Equal(0.9, (await student.QueryAsync()).Topics.Single().Components.Quiz, 12);
    }

    [Fact]
    public async Task Events_all_applied_before_write_nothing()
    {
        var host = new HandBuiltHost();
        var student = host.GetGrain<IStudentMasteryGrain>("s1");
        await student.ApplyEventsAsync(Session);
        var writes = host.Storage.Writes;
        var published = host.Streams.Published.Count;

        var again = await student.ApplyEventsAsync(Session);

        Assert.All(again, result => Assert.False(result.Applied));
        Assert.Equal(writes, host.Storage.Writes);
        Assert.Equal(published, host.Streams.Published.Count);
    }
}
