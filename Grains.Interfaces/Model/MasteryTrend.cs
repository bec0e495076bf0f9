namespace MasteryEngine.Grains;

public enum MasteryTrend
{
    Improving,
    Stable,
    Declining,
}
