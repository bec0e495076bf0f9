using MasteryEngine.Grains.Domain;
using Orleans.Runtime;

namespace MasteryEngine.Grains;

/// <summary>
/// A cohort: its membership, and analytics gathered from its members' grains on demand (never cached, so they
/// always reflect the latest events). It calls the student grains and none of them calls a cohort, so a
/// cohort's turn can wait on a student without ever waiting on itself.
/// </summary>
[GrainType("cohort")]
public sealed class CohortGrain(
    [PersistentState("cohort")] IPersistentState<CohortState> cohort) : Grain, ICohortGrain
{
    public async Task AddStudentAsync(string studentId)
    {
        ValidateStudentId(studentId);
        if (cohort.State.Students.Contains(studentId, StringComparer.Ordinal))
        {
            return;
        }

        // The student side first: if storing the membership here fails, the student merely remembers a cohort it
        // is not in (harmless), while the reverse would leave a member that an erasure cannot find.
        await GrainFactory.GetGrain<IStudentMasteryGrain>(studentId).JoinCohortAsync(this.GetPrimaryKeyString());
        cohort.State.Students.Add(studentId);
        await WriteOrRevertAsync(() => cohort.State.Students.Remove(studentId));
    }

    public async Task RemoveStudentAsync(string studentId)
    {
        var index = cohort.State.Students.IndexOf(studentId);
        if (index < 0)
        {
            return;
        }

        // Here first, the student side after: should the second write fail, the student merely remembers a cohort
        // it is no longer in, which an erasure handles like any membership.
        cohort.State.Students.RemoveAt(index);
        await WriteOrRevertAsync(() => cohort.State.Students.Insert(index, studentId));
        await GrainFactory.GetGrain<IStudentMasteryGrain>(studentId).LeaveCohortAsync(this.GetPrimaryKeyString());
    }

    public Task<bool> ContainsAsync(string studentId) =>
        Task.FromResult(cohort.State.Students.Contains(studentId, StringComparer.Ordinal));

    public Task<IReadOnlyList<string>> GetStudentsAsync() => Task.FromResult<IReadOnlyList<string>>([.. cohort.State.Students]);

    /// <summary>
    /// Asks every member for its mastery in parallel; members without data count in the size but not in the
    /// mean, the level distribution or the mean components.
    /// </summary>
    public async Task<CohortAnalytics> GetAnalyticsAsync()
    {
        var members = cohort.State.Students.ToArray();
        var withData = await Task.WhenAll(members.Select(MasteryOfAsync));
        var results = withData.OfType<MasteryResult>().ToList();

        var distribution = Enum.GetValues<MasteryLevel>().ToDictionary(level => level, level => results.Count(r => r.Level == level));
        if (results.Count == 0)
        {
            return new CohortAnalytics(this.GetPrimaryKeyString(), members.Length, null, distribution, null);
        }

        var meanComponents = new ComponentScores(
            MasteryFormula.Clamp(results.Average(r => r.Components.Completion)),
            MasteryFormula.Clamp(results.Average(r => r.Components.Quiz)),
            MasteryFormula.Clamp(results.Average(r => r.Components.Quality)),
            MasteryFormula.Clamp(results.Average(r => r.Components.Consistency)));
        return new CohortAnalytics(
            this.GetPrimaryKeyString(),
            members.Length,
            MasteryFormula.Clamp(results.Average(r => r.MasteryScore)),
            distribution,
            meanComponents);
    }

    private async Task<MasteryResult?> MasteryOfAsync(string studentId)
    {
        var student = GrainFactory.GetGrain<IStudentMasteryGrain>(studentId);
        return await student.HasDataAsync() ? (await student.QueryAsync()).CurrentMastery : null;
    }

    private async Task WriteOrRevertAsync(Action revert)
    {
        try
        {
            await cohort.WriteStateAsync();
        }
        catch
        {
            revert();
            throw;
        }
    }

    private static void ValidateStudentId(string studentId)
    {
        if (!Identifiers.IsValid(studentId))
        {
            throw new ArgumentException($"studentId must match {Identifiers.Pattern}.", nameof(studentId));
        }
    }
}
