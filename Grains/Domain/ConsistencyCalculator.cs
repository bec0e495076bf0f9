namespace MasteryEngine.Grains.Domain;

/// <summary>
/// Consistency = share of the last <c>window</c> days (today included) with activity, against the clock, so it
/// decays day by day once a student stops.
/// A consistency stated by an on-demand calculation describes the window that ended on the day it was stated;
/// as that window slides away it fades linearly (stated × (window − age) / window: the expected share of its
/// active days still inside the window), and activity recorded after that day adds 1 / window per active day.
/// </summary>
public static class ConsistencyCalculator
{
    public static double Consistency(ActivityLog activity, int today, int windowDays, double? stated = null, int statedDay = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowDays, 1);
        var windowStart = today - windowDays;
        if (stated is not { } statedValue)
        {
            return MasteryFormula.Clamp((double)activity.CountActiveDays(windowStart, today) / windowDays);
        }

        var age = Math.Max(0, today - statedDay);
        var faded = statedValue * Math.Max(0, windowDays - age) / windowDays;
        var activeSince = activity.CountActiveDays(Math.Max(windowStart, statedDay), today);
        return MasteryFormula.Clamp(faded + (double)activeSince / windowDays);
    }
}
