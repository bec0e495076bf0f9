namespace MasteryEngine.Silo.Tests.Grains;

public sealed record NumberedEvent(int Sequence);
