using MasteryEngine.Gateway.Metrics;

namespace MasteryEngine.Gateway.Tests.Metrics;

public sealed class HistogramSnapshotTests
{
    private static readonly double[] Bounds = [0.1, 0.2, 0.4, double.PositiveInfinity];

    [Theory]
    [InlineData(new long[] { 10, 10, 10, 10 }, 0.5, 0.05)]
    [InlineData(new long[] { 0, 10, 10, 10 }, 0.5, 0.15)]
    [InlineData(new long[] { 0, 0, 10, 10 }, 0.99, 0.398)]
    [InlineData(new long[] { 0, 0, 0, 10 }, 0.95, 0.4)]
    public void Quantiles_interpolate_inside_the_bucket_like_histogram_quantile(long[] cumulative, double q, double expected)
    {
        var snapshot = new HistogramSnapshot(Bounds, cumulative, 0);

        Assert.Equal(expected, snapshot.EstimateQuantile(q)!.Value, 6);
    }

    [Fact]
    public void An_empty_histogram_has_no_quantile()
    {
        Assert.Null(new HistogramSnapshot(Bounds, [0, 0, 0, 0], 0).EstimateQuantile(0.5));
    }
}
