using MasteryEngine.Grains;

namespace MasteryEngine.Gateway.Security;

/// <summary>
/// Who may see and change what: a student only their own data, a teacher the students of the cohorts named
/// in their token (membership is checked on the cohort grain), an admin everything.
/// </summary>
public sealed class StudentAccess(IGrainFactory grains)
{
    public async Task<bool> CanAccessStudentAsync(CallerIdentity caller, string studentId)
    {
        if (caller.IsAdmin || (caller.IsStudent && caller.UserId == studentId))
        {
            return true;
        }

        if (!caller.IsTeacher)
        {
            return false;
        }

        foreach (var cohortId in caller.Cohorts)
        {
            if (await grains.GetGrain<ICohortGrain>(cohortId).ContainsAsync(studentId))
            {
                return true;
            }
        }

        return false;
    }

    public static bool CanAccessCohort(CallerIdentity caller, string cohortId) =>
        caller.IsAdmin || (caller.IsTeacher && caller.Cohorts.Contains(cohortId));

    /// <summary>Batches are run by teachers (for their students) and admins.</summary>
    public static bool MayRunBatches(CallerIdentity caller) => caller.IsAdmin || caller.IsTeacher;

    /// <summary>The right of access and erasure belongs to the student; admins act on their behalf.</summary>
    public static bool MayManagePersonalData(CallerIdentity caller, string studentId) =>
        caller.IsAdmin || (caller.IsStudent && caller.UserId == studentId);
}
