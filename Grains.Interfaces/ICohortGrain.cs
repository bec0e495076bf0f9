using Orleans.Concurrency;

namespace MasteryEngine.Grains;

/// <summary>A cohort (class, course group); the key is the cohort id. It calls student grains; they never call it.</summary>
[Alias("mastery.cohort")]
public interface ICohortGrain : IGrainWithStringKey
{
    /// <summary>Adds the student and records the membership on the student's grain too.</summary>
    [Alias("add-student")]
    Task AddStudentAsync(string studentId);

    /// <summary>Removes the student here, then on the student's grain.</summary>
    [Alias("remove-student")]
    Task RemoveStudentAsync(string studentId);

    [Alias("contains"), ReadOnly]
    Task<bool> ContainsAsync(string studentId);

    [Alias("students"), ReadOnly]
    Task<IReadOnlyList<string>> GetStudentsAsync();

    [Alias("analytics"), ReadOnly]
    Task<CohortAnalytics> GetAnalyticsAsync();
}
