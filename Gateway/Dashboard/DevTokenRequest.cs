namespace MasteryEngine.Gateway.Dashboard;

/// <summary>What the Development sign-in form sends: who to be, in which role, teaching which cohorts.</summary>
public sealed record DevTokenRequest(string? Sub, string? Role, IReadOnlyList<string>? Cohorts);
