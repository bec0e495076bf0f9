namespace MasteryEngine.Grains.Domain;

/// <summary>
/// The trend is the least-squares slope (mastery per day) of the snapshots of the last
/// <see cref="MasteryOptions.TrendWindowDays"/> days: above the dead band improving, below minus the dead band
/// declining, otherwise (or with fewer than two snapshots) stable.
/// </summary>
public static class TrendAnalyzer
{
    public static MasteryTrend Analyze(IEnumerable<DailySnapshot> history, int today, MasteryOptions options)
    {
        var points = SnapshotHistory.LastDays(history, today, options.TrendWindowDays)
            .Select(s => ((double)(s.Day - today), s.Mastery))
            .ToList();
        if (LinearFit.Of(points) is not { } fit)
        {
            return MasteryTrend.Stable;
        }

        return fit.Slope > options.TrendDeadBand ? MasteryTrend.Improving
            : fit.Slope < -options.TrendDeadBand ? MasteryTrend.Declining
            : MasteryTrend.Stable;
    }
}
