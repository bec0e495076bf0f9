using MasteryEngine.Gateway.Demo;

namespace MasteryEngine.Dashboard.Tests;

public sealed class DemoCohortPlanTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Fact]
    public void The_same_seed_gives_the_same_cohort_and_event_ids_so_a_rerun_changes_nothing()
    {
        var first = DemoCohortPlan.Create(Today, 16, 35, 7);
        var second = DemoCohortPlan.Create(Today, 16, 35, 7);

        Assert.Equal(first.Events.Select(e => (e.EventId, e.Timestamp, e.Data.ToJsonString())), second.Events.Select(e => (e.EventId, e.Timestamp, e.Data.ToJsonString())));
        Assert.NotEqual(first.Events.Select(e => e.Data.ToJsonString()), DemoCohortPlan.Create(Today, 16, 35, 8).Events.Select(e => e.Data.ToJsonString()));
    }

    [Fact]
    public void Events_are_unique_in_time_order_inside_the_period_and_valid_for_the_ingest_route()
    {
        var cohort = DemoCohortPlan.Create(Today, 24, 42, 3);

        Assert.Equal(cohort.Events.Count, cohort.Events.Select(e => e.EventId).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(cohort.Events.OrderBy(e => e.Timestamp), cohort.Events);
        Assert.All(cohort.Events, e =>
        {
            Assert.InRange(e.Day, Today.AddDays(-41), Today);
            Assert.Contains(e.Topic, DemoCohortPlan.Topics);
            switch (e.EventType)
            {
                case "quiz":
                    Assert.InRange((double)e.Data["score"]!, 0, (int)e.Data["max_score"]!);
                    break;
                case "quality":
                    Assert.InRange((double)e.Data["score"]!, 0, 1);
                    break;
                case "completion":
                    Assert.InRange((int)e.Data["completed_exercises"]!, 0, (int)e.Data["total_exercises"]!);
                    break;
                default:
                    Assert.Fail($"unexpected event type {e.EventType}");
                    break;
            }
        });
    }

    [Fact]
    public void Every_profile_appears_and_the_two_cohorts_are_the_same_size()
    {
        var cohort = DemoCohortPlan.Create(Today, 12, 28, 7);

        Assert.Equal(Enum.GetValues<DemoProfile>().Order(), cohort.Students.Select(s => s.Profile).Distinct().Order());
        Assert.All(cohort.CohortIds, id => Assert.Equal(6, cohort.Students.Count(s => s.CohortId == id)));
    }

    [Fact]
    public void A_stalled_student_stops_working_and_a_declining_one_scores_lower_at_the_end()
    {
        var cohort = DemoCohortPlan.Create(Today, 12, 30, 7);
        var stalled = cohort.Students.First(s => s.Profile == DemoProfile.Stalled).StudentId;
        var declining = cohort.Students.First(s => s.Profile == DemoProfile.Declining).StudentId;

        Assert.True(cohort.Events.Where(e => e.StudentId == stalled).Max(e => e.Day) < Today.AddDays(-7));
        double QuizMean(int fromDay, int toDay) => cohort.Events
            .Where(e => e.StudentId == declining && e.EventType == "quiz" && e.Day >= Today.AddDays(fromDay) && e.Day <= Today.AddDays(toDay))
            .Average(e => (double)e.Data["score"]!);
        Assert.True(QuizMean(-9, 0) < QuizMean(-29, -20) - 2);
    }

    [Theory]
    [InlineData(0, 28)]
    [InlineData(25, 28)]
    [InlineData(4, 0)]
    public void Sizes_outside_the_supported_range_are_refused(int students, int days)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoCohortPlan.Create(Today, students, days, 1));
    }
}
