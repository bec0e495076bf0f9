using MasteryEngine.Grains.Domain;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace MasteryEngine.Grains;

/// <summary>
/// A batch of calculations. <see cref="StartAsync"/> stores the items and returns; a background loop, running
/// outside any turn of this grain, calls the student grains a chunk at a time and reports each chunk's results
/// back through this grain's own reference (<see cref="RecordResultsAsync"/>), so progress is stored as it goes.
/// If the activation is lost mid-way, the next activation resumes the items without a result.
/// </summary>
[GrainType("batch")]
public sealed class BatchGrain(
    [PersistentState("batch")] IPersistentState<BatchState> batch,
    TimeProvider time,
    ILogger<BatchGrain> logger) : Grain, IBatchGrain
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    /// <summary>Students calculated concurrently, and results stored per write.</summary>
    public const int ChunkSize = 32;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (IsLive())
        {
            StartProcessing(Pending());
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(IReadOnlyList<BatchItem> items) => StartAsync(null, items);

    public Task SubmitAsync(string createdBy, IReadOnlyList<BatchItem> items)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(createdBy);
        return StartAsync(createdBy, items);
    }

    public async Task<BatchAccess?> GetAccessAsync() =>
        await GetStatusAsync() is null ? null : new BatchAccess(batch.State.CreatedBy, batch.State.Entries.Select(e => e.StudentId).Distinct().ToArray());

    private async Task StartAsync(string? createdBy, IReadOnlyList<BatchItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            Validate(item);
        }

        if (IsLive())
        {
            throw new InvalidOperationException($"Batch '{this.GetPrimaryKeyString()}' already exists.");
        }

        var now = time.GetUtcNow();
        batch.State = new BatchState
        {
            CreatedAt = now,
            CompletedAt = items.Count == 0 ? now : null,
            CreatedBy = createdBy,
            Entries = [.. items.Select(i => new BatchEntry { StudentId = i.StudentId, Components = i.Components })],
        };
        await batch.WriteStateAsync();
        StartProcessing(items);
    }

    public async Task<BatchStatus?> GetStatusAsync()
    {
        if (!batch.RecordExists)
        {
            return null;
        }

        if (!IsLive())
        {
            await batch.ClearStateAsync();
            return null;
        }

        var state = batch.State;
        var completed = state.Entries.Count(e => e.Done && e.Error is null);
        var failed = state.Entries.Count(e => e.Done && e.Error is not null);
        var status = state.CompletedAt is not null ? BatchStatus.Done
            : completed + failed == 0 ? BatchStatus.Pending
            : BatchStatus.Processing;
        return new BatchStatus(
            this.GetPrimaryKeyString(),
            status,
            state.Entries.Count,
            completed,
            failed,
            state.CreatedAt,
            state.CompletedAt,
            [.. state.Entries.Where(e => e.Done).Select(e => new BatchItemResult(e.StudentId, e.MasteryScore, e.Level, e.Error))]);
    }

    public async Task ForgetStudentAsync(string studentId)
    {
        if (batch.State.Entries.RemoveAll(e => e.StudentId == studentId) == 0)
        {
            return;
        }

        CompleteIfDone();
        await batch.WriteStateAsync();
    }

    /// <summary>Stores results reported by the background loop; a result for no pending entry is ignored.</summary>
    public async Task RecordResultsAsync(IReadOnlyList<BatchItemResult> results)
    {
        var changed = false;
        foreach (var result in results)
        {
            var entry = batch.State.Entries.Find(e => !e.Done && e.StudentId == result.StudentId);
            if (entry is null)
            {
                continue;
            }

            (entry.Done, entry.MasteryScore, entry.Level, entry.Error) = (true, result.MasteryScore, result.Level, result.Error);
            changed = true;
        }

        if (changed)
        {
            CompleteIfDone();
            await batch.WriteStateAsync();
        }
    }

    private bool IsLive() => batch.RecordExists && time.GetUtcNow() - batch.State.CreatedAt < Lifetime;

    private List<BatchItem> Pending() => [.. batch.State.Entries.Where(e => !e.Done).Select(e => new BatchItem(e.StudentId, e.Components))];

    private void CompleteIfDone()
    {
        if (batch.State.CompletedAt is null && batch.State.Entries.TrueForAll(e => e.Done))
        {
            batch.State.CompletedAt = time.GetUtcNow();
        }
    }

    private void StartProcessing(IReadOnlyList<BatchItem> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        var batchId = this.GetPrimaryKeyString();
        var factory = GrainFactory;
        // The loop runs on the thread pool, outside this grain's scheduler: its calls to students do not hold this
        // grain's turn (status reads stay answered while it works), and its results come back through the grain's
        // reference as ordinary calls, so every state change still happens in a turn of its own.
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(() => ProcessAsync(factory, batchId, items));
        }
    }

    private async Task ProcessAsync(IGrainFactory factory, string batchId, IReadOnlyList<BatchItem> items)
    {
        try
        {
            var self = factory.GetGrain<IBatchGrain>(batchId);
            foreach (var chunk in items.Chunk(ChunkSize))
            {
                var results = await Task.WhenAll(chunk.Select(item => CalculateAsync(factory, batchId, item)));
                await self.RecordResultsAsync(results);
            }
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Batch {BatchId} stopped; its next activation resumes the remaining items", batchId);
        }
    }

    private static async Task<BatchItemResult> CalculateAsync(IGrainFactory factory, string batchId, BatchItem item)
    {
        try
        {
            var student = factory.GetGrain<IStudentMasteryGrain>(item.StudentId);
            var result = await student.CalculateAsync(item.Components);
            await student.RecordBatchAsync(batchId);
            return new BatchItemResult(item.StudentId, result.MasteryScore, result.Level, null);
        }
        catch (Exception exception)
        {
            return new BatchItemResult(item.StudentId, null, null, exception.Message);
        }
    }

    private static void Validate(BatchItem item)
    {
        if (!Identifiers.IsValid(item.StudentId))
        {
            throw new ArgumentException($"Every student_id must match {Identifiers.Pattern}.", nameof(item));
        }

        if (item.Components is { } components
            && MasteryFormula.Components.Any(c => components.Of(c) is var score && (!double.IsFinite(score) || score < 0 || score > 1)))
        {
            throw new ArgumentException($"The components of {item.StudentId} must be finite numbers in [0, 1].", nameof(item));
        }
    }
}
