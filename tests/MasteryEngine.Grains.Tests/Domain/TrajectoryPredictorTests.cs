using MasteryEngine.Grains.Domain;

namespace MasteryEngine.Grains.Tests.Domain;

public class TrajectoryPredictorTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Too_little_history_says_so_with_zero_confidence_and_a_flat_trajectory(int snapshots)
    {
        var history = Daily(Enumerable.Range(0, snapshots).Select(i => 0.2 + 0.1 * i).ToArray());

        var prediction = TrajectoryPredictor.Predict("s", history, 0.6, Today, 7, new MasteryOptions());

        Assert.True(prediction.InsufficientHistory);
        Assert.Equal(0, prediction.Confidence);
        Assert.All(prediction.Trajectory, p => Assert.Equal(0.6, p.PredictedMastery));
        Assert.Contains("Insufficient history", prediction.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_trajectory_continues_the_fitted_slope_from_the_current_mastery()
    {
        var history = Daily(0.40, 0.42, 0.44, 0.46, 0.48, 0.50);

        var prediction = TrajectoryPredictor.Predict("s", history, 0.50, Today, 7, new MasteryOptions());

        Assert.False(prediction.InsufficientHistory);
        Assert.Equal(7, prediction.Trajectory.Count);
        Assert.Equal(Today.AddDays(1), prediction.Trajectory[0].Date);
        Assert.Equal(0.52, prediction.Trajectory[0].PredictedMastery, 9);
        Assert.Equal(0.64, prediction.PredictedMastery, 9);
        Assert.Equal(MasteryLevel.Developing, prediction.PredictedLevel);
    }

    [Theory]
    [InlineData(0.85, 0.05, 1.0)]
    [InlineData(0.15, -0.05, 0.0)]
    public void Predicted_values_are_clamped_to_the_unit_interval(double current, double dailyStep, double bound)
    {
        var history = Daily(Enumerable.Range(0, 5).Select(i => current - dailyStep * (4 - i)).ToArray());

        var prediction = TrajectoryPredictor.Predict("s", history, current, Today, 30, new MasteryOptions());

        Assert.All(prediction.Trajectory, p => Assert.InRange(p.PredictedMastery, 0, 1));
        Assert.Equal(bound, prediction.PredictedMastery);
    }

    [Theory]
    [InlineData(3, 3.0 / 14)]
    [InlineData(7, 0.5)]
    [InlineData(14, 1.0)]
    [InlineData(20, 1.0)]
    public void A_perfect_fit_is_trusted_in_proportion_to_the_amount_of_history(int snapshots, double expected)
    {
        var history = Daily(Enumerable.Range(0, snapshots).Select(i => 0.3 + 0.01 * i).ToArray());

        var prediction = TrajectoryPredictor.Predict("s", history, 0.5, Today, 7, new MasteryOptions());

        Assert.Equal(expected, prediction.Confidence, 9);
    }

    [Fact]
    public void A_noisy_history_is_trusted_less_than_a_clean_one()
    {
        var clean = Daily(Enumerable.Range(0, 14).Select(i => 0.3 + 0.02 * i).ToArray());
        var noisy = Daily(Enumerable.Range(0, 14).Select(i => 0.3 + 0.02 * i + (i % 2 == 0 ? 0.1 : -0.1)).ToArray());

        var cleanConfidence = TrajectoryPredictor.Predict("s", clean, 0.5, Today, 7, new MasteryOptions()).Confidence;
        var noisyConfidence = TrajectoryPredictor.Predict("s", noisy, 0.5, Today, 7, new MasteryOptions()).Confidence;

        Assert.InRange(noisyConfidence, 0, cleanConfidence - 0.2);
    }

    [Fact]
    public void Snapshots_older_than_the_prediction_history_are_ignored()
    {
        var old = Enumerable.Range(40, 5).Select(age => TrendAnalyzerTests.Snapshot(Today.DayNumber - age, 0.5)).ToArray();

        var prediction = TrajectoryPredictor.Predict("s", old, 0.5, Today, 7, new MasteryOptions { PredictionHistoryDays = 30 });

        Assert.True(prediction.InsufficientHistory);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(-1)]
    public void A_timeframe_outside_1_to_30_days_is_refused(int days)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TrajectoryPredictor.Predict("s", [], 0.5, Today, days, new MasteryOptions()));
    }

    /// <summary>One snapshot per day ending today, oldest first.</summary>
    private static DailySnapshot[] Daily(params double[] mastery) =>
        [.. mastery.Select((m, i) => TrendAnalyzerTests.Snapshot(Today.DayNumber - mastery.Length + 1 + i, m))];
}
