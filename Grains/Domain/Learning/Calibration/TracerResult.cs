namespace MasteryEngine.Grains.Domain.Learning.Calibration;

/// <summary>One model's result in an evaluation: its metrics, total fit time and the time spent predicting.</summary>
public sealed record TracerResult(string Name, PredictionMetrics Metrics, TimeSpan FitTime, TimeSpan ReplayTime)
{
    public double AnswersPerSecond => ReplayTime > TimeSpan.Zero ? Metrics.Count / ReplayTime.TotalSeconds : double.PositiveInfinity;
}
