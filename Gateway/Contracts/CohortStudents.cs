namespace MasteryEngine.Gateway.Contracts;

public sealed record CohortStudents(string CohortId, IReadOnlyList<string> Students);
