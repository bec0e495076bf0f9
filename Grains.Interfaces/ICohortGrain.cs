using MasteryEngine.Runtime;

namespace MasteryEngine.Grains;

/// <summary>A cohort (class, course group); the key is the cohort id.</summary>
public interface ICohortGrain : IGrainWithStringKey
{
    /// <summary>Adds the student and records the membership on the student's grain too.</summary>
    Task AddStudentAsync(string studentId);

    /// <summary>Removes the student here only (the student grain calls it when it leaves or is erased).</summary>
    Task RemoveStudentAsync(string studentId);

    Task<bool> ContainsAsync(string studentId);

    Task<IReadOnlyList<string>> GetStudentsAsync();

    Task<CohortAnalytics> GetAnalyticsAsync();
}
