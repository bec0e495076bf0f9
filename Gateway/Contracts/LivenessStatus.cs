namespace MasteryEngine.Gateway.Contracts;

public sealed record LivenessStatus(string Status);
