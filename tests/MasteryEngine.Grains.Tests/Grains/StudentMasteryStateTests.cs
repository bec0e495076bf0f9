using MasteryEngine.Grains.Domain;
using static MasteryEngine.Grains.Tests.Grains.StudentMasteryGrainTests;

namespace MasteryEngine.Grains.Tests.Grains;

public class StudentMasteryStateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Exercise_completions_in_topics_add_up_in_the_overall_completion()
    {
        var state = new StudentMasteryState();
        var options = new MasteryOptions();

        Apply(state, Event("exercise.completed", """{"exercise_id":"a","total_exercises":4}""", "s", "e1", topic: "loops"), options);
        Apply(state, Event("exercise.completed", """{"exercise_id":"b"}""", "s", "e2", topic: "loops"), options);
        Apply(state, Event("exercise.completed", """{"exercise_id":"c","total_exercises":6}""", "s", "e3", topic: "functions"), options);

        Assert.Equal((3, 10, 0.3), (state.Overall.CompletedExercises, state.Overall.TotalExercises, state.Overall.Completion));
        Assert.Equal(0.5, state.Topics.Single(t => t.Name == "loops").Completion);
    }

    [Fact]
    public void A_new_topic_beyond_the_cap_evicts_the_least_recently_active_one()
    {
        var state = new StudentMasteryState();
        var options = new MasteryOptions { MaxTopics = 2 };

        Apply(state, Event("quality", """{"score":0.5}""", "s", "e1", Now.AddDays(-3), topic: "old"), options);
        Apply(state, Event("quality", """{"score":0.5}""", "s", "e2", Now.AddDays(-1), topic: "recent"), options);
        Apply(state, Event("quality", """{"score":0.5}""", "s", "e3", Now, topic: "new"), options);

        Assert.Equal(["recent", "new"], state.Topics.Select(t => t.Name));
    }

    [Fact]
    public void A_clone_is_independent_of_the_original()
    {
        var state = new StudentMasteryState();
        var options = new MasteryOptions();
        Apply(state, Event("quiz", """{"score":1,"max_score":2}""", "s", "e1", topic: "loops"), options);

        var clone = state.Clone();
        Apply(clone, Event("quiz", """{"score":2,"max_score":2}""", "s", "e2", topic: "loops"), options);
        clone.JoinCohort("c1");

        Assert.Equal(0.5, state.Overall.Quiz);
        Assert.Equal(0.5, state.Topics[0].Quiz);
        Assert.Empty(state.Cohorts);
        Assert.False(state.HasApplied("e2"));
    }

    [Fact]
    public void Batch_references_are_kept_two_days_and_bounded()
    {
        var state = new StudentMasteryState();
        state.RecordBatch("old", Now.AddDays(-2));
        for (var i = 0; i < StudentMasteryState.MaxRecordedBatches + 5; i++)
        {
            state.RecordBatch($"b{i}", Now);
        }

        Assert.Equal(StudentMasteryState.MaxRecordedBatches, state.Batches.Length);
        Assert.DoesNotContain(state.Batches, b => b.BatchId == "old");
        Assert.Equal($"b{StudentMasteryState.MaxRecordedBatches + 4}", state.Batches[^1].BatchId);
    }

    private static void Apply(StudentMasteryState state, LearningEvent learningEvent, MasteryOptions options)
    {
        var validation = LearningEventValidator.Validate(learningEvent);
        Assert.True(validation.IsValid, validation.Rejection?.Message);
        state.Apply(learningEvent, validation.Observation, Now, options);
    }
}
