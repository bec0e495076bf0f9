namespace MasteryEngine.Gateway.Dashboard;

public sealed record DevTokenIssued(string Token, DateTimeOffset ExpiresAt);
