namespace MasteryEngine.Gateway.Demo;

/// <summary>How a demo student behaves over the seeded weeks; each one shows something on the dashboard.</summary>
public enum DemoProfile
{
    Excelling,
    Steady,
    Improving,
    Declining,
    Stalled,
    Struggling,
}
