using Orleans.Concurrency;

namespace MasteryEngine.Grains;

/// <summary>A batch calculation; the key is the batch id. Its status expires a day after creation.</summary>
[Alias("mastery.batch")]
public interface IBatchGrain : IGrainWithStringKey
{
    /// <summary>Records the batch and starts working through it in the background; returns at once.</summary>
    [Alias("start")]
    Task StartAsync(IReadOnlyList<BatchItem> items);

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
