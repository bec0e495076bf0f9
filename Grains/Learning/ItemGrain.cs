using MasteryEngine.Grains.Domain.Learning;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace MasteryEngine.Grains.Learning;

/// <summary>
/// One item's difficulty, learned online across students. It starts from the calibrated parameters (or an
/// unseen item's defaults) and adds the students' changes as they arrive. Changes are summed in memory and
/// stored on a timer and at deactivation, so a hot item costs one write per interval however many students
/// answer it; a crash loses at most one interval of small steps, which later answers make up for.
/// It calls no grain: student → item is the only edge, so no call cycle can form.
/// </summary>
[GrainType("item")]
public sealed class ItemGrain(
    [PersistentState("item")] IPersistentState<ItemState> item,
    LearnerModel model,
    ILogger<ItemGrain> logger) : Grain, IItemGrain
{
    public static readonly TimeSpan WriteInterval = TimeSpan.FromSeconds(5);

    private ItemParameters current = ItemParameters.Unseen;
    private bool unsaved;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        current = item.RecordExists ? item.State.ToParameters() : model.Parameters.Item(this.GetPrimaryKeyString());
        this.RegisterGrainTimer(WriteAsync, new GrainTimerCreationOptions(WriteInterval, WriteInterval) { KeepAlive = false });
        return Task.CompletedTask;
    }

    /// <summary>Best effort, as the timer's writes are: what is lost is at most one interval of small steps.</summary>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        try
        {
            await WriteAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Could not store the last changes of item {ItemId}", this.GetPrimaryKeyString());
        }
    }

    public Task<ItemEstimate> GetAsync() => Task.FromResult(new ItemEstimate(current.Difficulty, current.Information, current.Responses));

    public Task AddAsync(ItemEstimateChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (double.IsFinite(change.Difficulty) && double.IsFinite(change.Information) && change.Information >= 0 && change.Responses >= 0)
        {
            current = current.Apply(new ItemDifficultyDelta(change.Difficulty, change.Information, change.Responses));
            unsaved = true;
        }

        return Task.CompletedTask;
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        if (!unsaved)
        {
            return;
        }

        item.State = ItemState.From(current);
        await item.WriteStateAsync(cancellationToken);
        unsaved = false;
    }
}
