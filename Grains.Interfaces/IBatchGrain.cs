using Orleans.Concurrency;

namespace MasteryEngine.Grains;

/// <summary>A batch calculation; the key is the batch id. Its status expires a day after creation.</summary>
[Alias("mastery.batch")]
public interface IBatchGrain : IGrainWithStringKey
{
    /// <summary>Records the batch and starts working through it in the background; returns at once.</summary>
    [Alias("start")]
    Task StartAsync(IReadOnlyList<BatchItem> items);

    /// <summary>As <see cref="StartAsync"/>, recording who submitted the batch (the token's subject) for <see cref="GetAccessAsync"/>.</summary>
    [Alias("submit")]
    Task SubmitAsync(string createdBy, IReadOnlyList<BatchItem> items);

    /// <summary>The creator and students of the batch, for the caller's authorization; null when no such batch exists.</summary>
    [Alias("access"), ReadOnly]
    Task<BatchAccess?> GetAccessAsync();

    /// <summary>Null when no such batch exists (never created, or expired).</summary>
    [Alias("status")]
    Task<BatchStatus?> GetStatusAsync();

    /// <summary>Removes the student's result from this batch (GDPR erasure).</summary>
    [Alias("forget-student")]
    Task ForgetStudentAsync(string studentId);

    /// <summary>Stores results of the batch's own background work (called by its timer, outside its turns).</summary>
    [Alias("record-results")]
    Task RecordResultsAsync(IReadOnlyList<BatchItemResult> results);
}
