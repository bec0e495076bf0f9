namespace MasteryEngine.Grains.Domain.Learning.Calibration;

/// <summary>
/// How well predictions match answers, the field's way: AUC (answers with score ≥ 0.5 count as correct), RMSE
/// and log-loss against the scores, and the expected calibration error over ten equal-width bins (the
/// count-weighted mean gap between predicted and observed in each bin) with its reliability table.
/// </summary>
public sealed record PredictionMetrics(long Count, double Auc, double Rmse, double LogLoss, double CalibrationError, IReadOnlyList<ReliabilityBin> Reliability)
{
    private const int Bins = 10;
    private const double Clip = 1e-7;

    public static PredictionMetrics Of(ReadOnlySpan<double> predicted, ReadOnlySpan<double> observed)
    {
        if (predicted.Length != observed.Length)
        {
            throw new ArgumentException("Each prediction needs its observation.", nameof(observed));
        }

        double squared = 0;
        double logLoss = 0;
        var binCount = new long[Bins];
        var binPredicted = new double[Bins];
        var binObserved = new double[Bins];
        for (var i = 0; i < predicted.Length; i++)
        {
            var p = Math.Clamp(predicted[i], Clip, 1 - Clip);
            var y = observed[i];
            squared += (p - y) * (p - y);
            logLoss -= y * Math.Log(p) + (1 - y) * Math.Log(1 - p);
            var bin = Math.Min((int)(p * Bins), Bins - 1);
            binCount[bin]++;
            binPredicted[bin] += p;
            binObserved[bin] += y;
        }

        var n = Math.Max(predicted.Length, 1);
        var reliability = new List<ReliabilityBin>(Bins);
        double calibrationError = 0;
        for (var bin = 0; bin < Bins; bin++)
        {
            if (binCount[bin] == 0)
            {
                continue;
            }

            var meanPredicted = binPredicted[bin] / binCount[bin];
            var meanObserved = binObserved[bin] / binCount[bin];
            calibrationError += binCount[bin] * Math.Abs(meanPredicted - meanObserved) / n;
            reliability.Add(new ReliabilityBin((double)bin / Bins, (double)(bin + 1) / Bins, binCount[bin], meanPredicted, meanObserved));
        }

        return new PredictionMetrics(predicted.Length, AreaUnderCurve(predicted, observed), Math.Sqrt(squared / n), logLoss / n, calibrationError, reliability);
    }

    /// <summary>The Mann–Whitney statistic with tied predictions sharing their mean rank; 0.5 when one class is absent.</summary>
    public static double AreaUnderCurve(ReadOnlySpan<double> predicted, ReadOnlySpan<double> observed)
    {
        var order = predicted.ToArray();
        var labels = new bool[observed.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = observed[i] >= 0.5;
        }

        Array.Sort(order, labels);
        double positiveRankSum = 0;
        long positives = 0;
        var start = 0;
        while (start < order.Length)
        {
            var end = start;
            while (end + 1 < order.Length && order[end + 1] == order[start])
            {
                end++;
            }

            var meanRank = (start + end) / 2.0 + 1;
            for (var i = start; i <= end; i++)
            {
                if (labels[i])
                {
                    positiveRankSum += meanRank;
                    positives++;
                }
            }

            start = end + 1;
        }

        long negatives = order.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return 0.5;
        }

        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }
}
