namespace MasteryEngine.ReviewAgent.Contracts;

public sealed record LivenessStatus(string Status);
