namespace MasteryEngine.Grains;

/// <summary>
/// Erases everything held about a student (GDPR): it removes the student from every cohort and batch that the
/// student's grain lists, then clears the student's grain. It is the only grain that calls the student, cohort
/// and batch grains for one operation, and none of them calls it, so erasure never forms a call cycle.
/// </summary>
[Alias("mastery.student-erasure")]
public interface IStudentErasureGrain : IGrainWithIntegerKey
{
    [Alias("erase")]
    Task<ErasureReport> EraseAsync(string studentId);
}
