namespace MasteryEngine.Gateway.Contracts;

public sealed record CohortMembership(string CohortId, string StudentId, bool Member);
