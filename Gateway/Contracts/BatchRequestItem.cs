namespace MasteryEngine.Gateway.Contracts;

public sealed record BatchRequestItem(string? StudentId, ComponentScoresInput? Components);
