using MasteryEngine.Grains.Domain;

namespace MasteryEngine.Grains.Tests.Domain;

public class ComponentTrackerTests
{
    [Theory]
    [InlineData(8, 10, 0.8)]
    [InlineData(0, 10, 0.0)]
    [InlineData(3, 3, 1.0)]
    public void A_progress_report_sets_completion_to_completed_over_total(int completed, int total, double expected)
    {
        var tracker = new ComponentTracker();
        tracker.ReportProgress(5, 5);

        tracker.ReportProgress(completed, total);

        Assert.Equal(expected, tracker.Completion, 12);
    }

    [Fact]
    public void Exercise_completions_count_up_to_the_total()
    {
        var tracker = new ComponentTracker();
        tracker.CompleteExercise(4);
        tracker.CompleteExercise(null);
        tracker.CompleteExercise(null);
        tracker.CompleteExercise(null);

        tracker.CompleteExercise(null);

        Assert.Equal((4, 4, 1.0), (tracker.CompletedExercises, tracker.TotalExercises, tracker.Completion));
    }

    [Fact]
    public void Exercise_completions_without_a_known_total_leave_completion_unobserved_until_one_arrives()
    {
        var tracker = new ComponentTracker();
        tracker.CompleteExercise(null);
        Assert.False(tracker.Observed.HasFlag(ObservedComponents.Completion));

        tracker.CompleteExercise(8);

        Assert.Equal(0.25, tracker.Completion, 12);
    }

    [Fact]
    public void Stated_scores_replace_the_components_and_later_events_move_from_them()
    {
        var tracker = new ComponentTracker();
        tracker.RecordQuiz(0.2, 0.3);

        tracker.State(new ComponentScores(0.5, 0.9, 0.7, 0.6), today: 100);
        tracker.RecordQuiz(0.4, 0.3);

        var components = tracker.Components(100, 14);
        Assert.Equal(0.75, components.Quiz, 12);
        Assert.Equal((0.5, 0.7, 0.6), (components.Completion, components.Quality, components.Consistency));
    }

    [Fact]
    public void A_tracker_with_nothing_recorded_has_no_data()
    {
        Assert.False(new ComponentTracker().HasData);
    }
}
