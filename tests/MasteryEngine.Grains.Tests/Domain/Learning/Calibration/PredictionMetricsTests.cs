using MasteryEngine.Grains.Domain.Learning.Calibration;

namespace MasteryEngine.Grains.Tests.Domain.Learning.Calibration;

public class PredictionMetricsTests
{
    [Theory]
    [InlineData(new[] { 0.1, 0.4, 0.6, 0.9 }, new[] { 0.0, 0.0, 1.0, 1.0 }, 1.0)]
    [InlineData(new[] { 0.9, 0.6, 0.4, 0.1 }, new[] { 0.0, 0.0, 1.0, 1.0 }, 0.0)]
    [InlineData(new[] { 0.5, 0.5, 0.5, 0.5 }, new[] { 0.0, 1.0, 0.0, 1.0 }, 0.5)]
    [InlineData(new[] { 0.1, 0.35, 0.4, 0.8 }, new[] { 0.0, 1.0, 0.0, 1.0 }, 0.75)]
    [InlineData(new[] { 0.3, 0.3, 0.7 }, new[] { 0.0, 1.0, 1.0 }, 0.75)]
    [InlineData(new[] { 0.2, 0.8 }, new[] { 1.0, 1.0 }, 0.5)]
    public void Auc_is_the_chance_a_correct_answer_was_predicted_above_a_wrong_one(double[] predicted, double[] observed, double auc)
    {
        Assert.Equal(auc, PredictionMetrics.AreaUnderCurve(predicted, observed), 12);
    }

    [Fact]
    public void Rmse_and_log_loss_are_those_of_the_textbook()
    {
        var metrics = PredictionMetrics.Of([0.8, 0.4], [1.0, 0.0]);

        Assert.Equal(Math.Sqrt((0.04 + 0.16) / 2), metrics.Rmse, 12);
        Assert.Equal(-(Math.Log(0.8) + Math.Log(0.6)) / 2, metrics.LogLoss, 12);
    }

    [Fact]
    public void Calibration_error_is_the_count_weighted_gap_of_each_bin()
    {
        // Bin 0.7–0.8: predicted 0.75 four times, observed 3/4 → no gap. Bin 0.2–0.3: predicted 0.25 twice, observed 1/2 → gap 0.25.
        var metrics = PredictionMetrics.Of([0.75, 0.75, 0.75, 0.75, 0.25, 0.25], [1, 1, 1, 0, 1, 0]);

        Assert.Equal(2 * 0.25 / 6, metrics.CalibrationError, 12);
        Assert.Equal(2, metrics.Reliability.Count);
        Assert.Equal(new ReliabilityBin(0.2, 0.3, 2, 0.25, 0.5), metrics.Reliability[0]);
    }
}
