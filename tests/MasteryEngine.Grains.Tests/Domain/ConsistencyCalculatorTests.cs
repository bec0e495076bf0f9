using MasteryEngine.Grains.Domain;

namespace MasteryEngine.Grains.Tests.Domain;

public class ConsistencyCalculatorTests
{
    private const int Today = 1000;

    [Theory]
    [InlineData(new int[0], 0.0)]
    [InlineData(new[] { Today }, 1.0 / 14)]
    [InlineData(new[] { Today, Today }, 1.0 / 14)]
    [InlineData(new[] { Today - 13 }, 1.0 / 14)]
    [InlineData(new[] { Today - 14 }, 0.0)]
    [InlineData(new[] { Today, Today - 1, Today - 2, Today - 3, Today - 4, Today - 5, Today - 6 }, 0.5)]
    [InlineData(new[] { Today - 20, Today - 3, Today - 100 }, 1.0 / 14)]
    public void Consistency_is_the_share_of_the_window_with_activity(int[] activeDays, double expected)
    {
        var activity = new ActivityLog();
        foreach (var day in activeDays)
        {
            activity.Record(day);
        }

        Assert.Equal(expected, ConsistencyCalculator.Consistency(activity, Today, 14), 12);
    }

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(1, 13.0 / 14)]
    [InlineData(7, 0.5)]
    [InlineData(13, 1.0 / 14)]
    [InlineData(14, 0.0)]
    [InlineData(30, 0.0)]
    public void Consistency_decays_day_by_day_once_a_student_stops(int daysSinceLastActivity, double expected)
    {
        var activity = new ActivityLog();
        for (var day = Today - 13; day <= Today; day++)
        {
            activity.Record(day);
        }

        Assert.Equal(expected, ConsistencyCalculator.Consistency(activity, Today + daysSinceLastActivity, 14), 12);
    }

    [Theory]
    [InlineData(0, new int[0], 0.7)]
    [InlineData(7, new int[0], 0.35)]
    [InlineData(14, new int[0], 0.0)]
    [InlineData(7, new[] { Today + 7 }, 0.35 + 1.0 / 14)]
    [InlineData(0, new[] { Today - 1, Today }, 0.7)]
    public void A_stated_consistency_fades_with_its_window_and_later_activity_adds_to_it(int daysLater, int[] activeDays, double expected)
    {
        var activity = new ActivityLog();
        foreach (var day in activeDays)
        {
            activity.Record(day);
        }

        var consistency = ConsistencyCalculator.Consistency(activity, Today + daysLater, 14, stated: 0.7, statedDay: Today);

        Assert.Equal(expected, consistency, 12);
    }

    [Fact]
    public void Activity_recorded_out_of_order_counts_once_per_day()
    {
        var activity = new ActivityLog();
        activity.Record(Today);
        activity.Record(Today - 2);
        activity.Record(Today - 2);
        activity.Record(Today - 1);

        Assert.Equal(3, activity.CountActiveDays(Today - 14, Today));
    }

    [Fact]
    public void Activity_older_than_the_log_capacity_is_forgotten()
    {
        var activity = new ActivityLog();
        activity.Record(Today);
        activity.Record(Today + ActivityLog.Capacity);

        Assert.Equal(1, activity.CountActiveDays(Today - 1000, Today + 1000));
    }

    [Fact]
    public void A_full_64_day_window_counts_every_active_day()
    {
        var activity = new ActivityLog();
        for (var day = Today - 63; day <= Today; day++)
        {
            activity.Record(day);
        }

        Assert.Equal(1.0, ConsistencyCalculator.Consistency(activity, Today, 64), 12);
    }
}
