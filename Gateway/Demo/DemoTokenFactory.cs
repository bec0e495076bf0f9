namespace MasteryEngine.Gateway.Demo;

/// <summary>Mints a bearer token for a user id, a role and the cohorts it teaches.</summary>
public delegate string DemoTokenFactory(string subject, string role, IReadOnlyList<string> cohorts);
