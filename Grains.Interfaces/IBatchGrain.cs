using MasteryEngine.Runtime;

namespace MasteryEngine.Grains;

/// <summary>A batch calculation; the key is the batch id. Its status expires a day after creation.</summary>
public interface IBatchGrain : IGrainWithStringKey
{
    /// <summary>Records the batch and starts working through it in the background; returns at once.</summary>
    Task StartAsync(IReadOnlyList<BatchItem> items);

    /// <summary>As <see cref="StartAsync"/>, recording who submitted the batch (the token's subject) for <see cref="GetAccessAsync"/>.</summary>
    Task SubmitAsync(string createdBy, IReadOnlyList<BatchItem> items);

    /// <summary>The creator and students of the batch, for the caller's authorization; null when no such batch exists.</summary>
    Task<BatchAccess?> GetAccessAsync();

    /// <summary>Null when no such batch exists (never created, or expired).</summary>
    Task<BatchStatus?> GetStatusAsync();

    /// <summary>Removes the student's result from this batch (GDPR erasure).</summary>
    Task ForgetStudentAsync(string studentId);

    /// <summary>Stores results of the batch's own background work (called through its own reference, outside its turns).</summary>
    Task RecordResultsAsync(IReadOnlyList<BatchItemResult> results);
}
