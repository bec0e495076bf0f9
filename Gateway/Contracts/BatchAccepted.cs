namespace MasteryEngine.Gateway.Contracts;

public sealed record BatchAccepted(string BatchId, string Status, int Total, string Priority, string StatusUrl);
