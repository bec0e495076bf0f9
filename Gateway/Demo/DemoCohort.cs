namespace MasteryEngine.Gateway.Demo;

/// <summary>A generated demo cohort: who is in it, who teaches it, and every event in time order.</summary>
public sealed record DemoCohort(
    IReadOnlyList<DemoStudent> Students,
    string TeacherId,
    IReadOnlyList<string> CohortIds,
    IReadOnlyList<DemoEvent> Events);
