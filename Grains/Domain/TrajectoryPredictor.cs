using System.Globalization;

namespace MasteryEngine.Grains.Domain;

/// <summary>
/// Predicts the mastery of the next 1..30 days from the least-squares slope of the daily snapshots of the last
/// <see cref="MasteryOptions.PredictionHistoryDays"/> days. The line is anchored at the current mastery
/// (day k = current + slope · k, clamped to [0, 1]) so the trajectory starts where the student is now.
/// Confidence = R² × min(1, snapshots / 14): a good fit over two weeks of daily snapshots is fully trusted.
/// With fewer than 3 snapshots the history is insufficient: confidence 0 and a flat trajectory at the current mastery.
/// </summary>
public static class TrajectoryPredictor
{
    public const int MinTimeframeDays = 1;
    public const int MaxTimeframeDays = 30;
    public const int MinSnapshots = 3;
    public const int SnapshotsForFullConfidence = 14;

    public static MasteryPrediction Predict(
        string studentId,
        IEnumerable<DailySnapshot> history,
        double currentMastery,
        DateOnly today,
        int timeframeDays,
        MasteryOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeframeDays, MinTimeframeDays);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(timeframeDays, MaxTimeframeDays);

        var todayNumber = today.DayNumber;
        var points = SnapshotHistory.LastDays(history, todayNumber, options.PredictionHistoryDays)
            .Select(s => ((double)(s.Day - todayNumber), s.Mastery))
            .ToList();
        var fit = points.Count >= MinSnapshots ? LinearFit.Of(points) : null;

        var slope = fit?.Slope ?? 0;
        var trajectory = new PredictedPoint[timeframeDays];
        for (var k = 1; k <= timeframeDays; k++)
        {
            trajectory[k - 1] = new PredictedPoint(today.AddDays(k), MasteryFormula.Clamp(currentMastery + slope * k));
        }

        var predicted = trajectory[^1].PredictedMastery;
        var level = MasteryLevels.Classify(predicted, options.Thresholds);
        if (fit is not { } line)
        {
            return new MasteryPrediction(
                studentId, timeframeDays, currentMastery, predicted, level, 0, true, trajectory,
                $"Insufficient history: {points.Count} daily snapshot(s) in the last {options.PredictionHistoryDays} days, at least {MinSnapshots} are needed; the trajectory stays at the current mastery.");
        }

        var confidence = MasteryFormula.Clamp(line.RSquared * Math.Min(1, (double)line.Count / SnapshotsForFullConfidence));
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"Linear trend over {line.Count} daily snapshots: {line.Slope:+0.0000;-0.0000;0.0000} per day, R² = {line.RSquared:0.00}.");
        return new MasteryPrediction(studentId, timeframeDays, currentMastery, predicted, level, confidence, false, trajectory, message);
    }
}
