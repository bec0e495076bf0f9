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
    /// <summary>A cohort may add the student while it is being erased; that membership is left on the next round.</summary>
    public const int MaxRounds = 5;

    public async Task<ErasureReport> EraseAsync(string studentId)
    {
        var student = GrainFactory.GetGrain<IStudentMasteryGrain>(studentId);
        var leftCohorts = false;
        for (var round = 1; ; round++)
        {
            var cohorts = await student.GetCohortsAsync();
            foreach (var cohortId in cohorts)
            {
                await GrainFactory.GetGrain<ICohortGrain>(cohortId).RemoveStudentAsync(studentId);
            }

            foreach (var batchId in await student.GetBatchesAsync())
            {
                await GrainFactory.GetGrain<IBatchGrain>(batchId).ForgetStudentAsync(studentId);
            }

            leftCohorts |= cohorts.Count > 0;
            if (await student.EraseAsync() is { } report)
            {
                return leftCohorts ? WithCohortMemberships(report) : report;
            }

            if (round == MaxRounds)
            {
                throw new InvalidOperationException($"Cohorts kept adding student {studentId} during its erasure; nothing of its state was erased, retry.");
            }
        }
    }

    /// <summary>Leaving the cohorts removed the memberships from the student's state before it was erased; they were erased all the same.</summary>
    private static ErasureReport WithCohortMemberships(ErasureReport report)
    {
        var erased = report.ErasedDataKinds.Append(ErasedDataKinds.CohortMemberships).ToHashSet(StringComparer.Ordinal);
        return report with { ErasedDataKinds = ErasedDataKinds.All.Where(erased.Contains).ToArray() };
    }
}
