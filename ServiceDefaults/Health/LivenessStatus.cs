namespace MasteryEngine.ServiceDefaults.Health;

public sealed record LivenessStatus(string Status);
