using Orleans.Concurrency;

namespace MasteryEngine.Grains;

/// <summary>
/// GDPR erasure of one student. The memberships go first, while the student's grain still lists them, so an
/// erasure cut short is finished by the next attempt; the student's own state goes last. A stateless worker:
/// it holds nothing, and erasures of different students run side by side.
/// </summary>
[StatelessWorker]
[GrainType("student-erasure")]
public sealed class StudentErasureGrain : Grain, IStudentErasureGrain
{
    public async Task<ErasureReport> EraseAsync(string studentId)
    {
        var student = GrainFactory.GetGrain<IStudentMasteryGrain>(studentId);
        var cohorts = await student.GetCohortsAsync();
        foreach (var cohortId in cohorts)
        {
            await GrainFactory.GetGrain<ICohortGrain>(cohortId).RemoveStudentAsync(studentId);
        }

        foreach (var batchId in await student.GetBatchesAsync())
        {
            await GrainFactory.GetGrain<IBatchGrain>(batchId).ForgetStudentAsync(studentId);
        }

        var report = await student.EraseAsync();
        if (cohorts.Count == 0 || report.ErasedDataKinds.Contains(ErasedDataKinds.CohortMemberships))
        {
            return report;
        }

        // Leaving the cohorts already removed the memberships from the student's state; they were erased all the same.
        var erased = report.ErasedDataKinds.Append(ErasedDataKinds.CohortMemberships).ToHashSet(StringComparer.Ordinal);
        return report with { ErasedDataKinds = [.. ErasedDataKinds.All.Where(erased.Contains)] };
    }
}
