using MasteryEngine.Grains.Domain;

namespace MasteryEngine.Grains.Tests.Domain;

public class TrendAnalyzerTests
{
    private const int Today = 500;

    [Theory]
    [InlineData(new double[0], MasteryTrend.Stable)]
    [InlineData(new[] { 0.5 }, MasteryTrend.Stable)]
    [InlineData(new[] { 0.5, 0.5, 0.5 }, MasteryTrend.Stable)]
    [InlineData(new[] { 0.40, 0.45, 0.50, 0.55 }, MasteryTrend.Improving)]
    [InlineData(new[] { 0.55, 0.50, 0.45, 0.40 }, MasteryTrend.Declining)]
    [InlineData(new[] { 0.500, 0.504, 0.508 }, MasteryTrend.Stable)]
    [InlineData(new[] { 0.500, 0.496, 0.492 }, MasteryTrend.Stable)]
    [InlineData(new[] { 0.500, 0.506, 0.512 }, MasteryTrend.Improving)]
    [InlineData(new[] { 0.500, 0.494, 0.488 }, MasteryTrend.Declining)]
    public void The_trend_is_the_slope_of_daily_snapshots_outside_a_dead_band(double[] dailyMastery, MasteryTrend expected)
    {
        var history = dailyMastery.Select((m, i) => Snapshot(Today - dailyMastery.Length + 1 + i, m));

        Assert.Equal(expected, TrendAnalyzer.Analyze(history, Today, new MasteryOptions()));
    }

    [Fact]
    public void Snapshots_older_than_the_trend_window_do_not_count()
    {
        // A long decline ended two weeks ago; since then the student improved.
        var history = new[] { Snapshot(Today - 30, 0.9), Snapshot(Today - 20, 0.5), Snapshot(Today - 2, 0.5), Snapshot(Today, 0.6) };

        Assert.Equal(MasteryTrend.Improving, TrendAnalyzer.Analyze(history, Today, new MasteryOptions { TrendWindowDays = 14 }));
    }

    [Fact]
    public void A_wider_dead_band_calls_a_slow_rise_stable()
    {
        var history = new[] { Snapshot(Today - 2, 0.50), Snapshot(Today - 1, 0.52), Snapshot(Today, 0.54) };

        Assert.Equal(MasteryTrend.Stable, TrendAnalyzer.Analyze(history, Today, new MasteryOptions { TrendDeadBand = 0.05 }));
    }

    internal static DailySnapshot Snapshot(int day, double mastery) => new(day, mastery, mastery, mastery, mastery, mastery);
}
