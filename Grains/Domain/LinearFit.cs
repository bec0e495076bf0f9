namespace MasteryEngine.Grains.Domain;

/// <summary>An ordinary least-squares line y = Intercept + Slope · x and how well it fits (R² in [0, 1]).</summary>
public readonly record struct LinearFit(double Slope, double Intercept, double RSquared, int Count)
{
    /// <summary>Null with fewer than two points or when all x are equal (no slope is defined).</summary>
    public static LinearFit? Of(IReadOnlyList<(double X, double Y)> points)
    {
        if (points.Count < 2)
        {
            return null;
        }

        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        double sxx = 0, sxy = 0, syy = 0;
        foreach (var (x, y) in points)
        {
            sxx += (x - meanX) * (x - meanX);
            sxy += (x - meanX) * (y - meanY);
            syy += (y - meanY) * (y - meanY);
        }

        if (sxx == 0)
        {
            return null;
        }

        var slope = sxy / sxx;
        // All y equal: the flat line explains them exactly.
        var rSquared = syy == 0 ? 1 : Math.Clamp(sxy * sxy / (sxx * syy), 0, 1);
        return new LinearFit(slope, meanY - slope * meanX, rSquared, points.Count);
    }
}
