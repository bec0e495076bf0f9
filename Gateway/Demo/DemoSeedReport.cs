namespace MasteryEngine.Gateway.Demo;

public sealed record DemoSeedReport(int Students, int Events, DateOnly From, DateOnly To);
