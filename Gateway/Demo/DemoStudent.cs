namespace MasteryEngine.Gateway.Demo;

public sealed record DemoStudent(string StudentId, string CohortId, DemoProfile Profile);
