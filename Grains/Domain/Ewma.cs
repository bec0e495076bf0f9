namespace MasteryEngine.Grains.Domain;

/// <summary>Exponentially weighted moving average: the first observation sets the value.</summary>
public static class Ewma
{
    public static double Next(double? current, double observation, double alpha) =>
        current is { } value ? alpha * observation + (1 - alpha) * value : observation;
}
