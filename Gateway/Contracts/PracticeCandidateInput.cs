namespace MasteryEngine.Gateway.Contracts;

public sealed record PracticeCandidateInput(string? ItemId, string? Topic);
