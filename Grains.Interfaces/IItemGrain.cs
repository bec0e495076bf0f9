using Orleans.Concurrency;

namespace MasteryEngine.Grains;

/// <summary>
/// One item (question), keyed by its id: its difficulty learned across all students. Student grains call it;
/// it calls no grain, so the call graph stays acyclic (student → item only) and it holds no student data.
/// </summary>
[Alias("mastery.item")]
public interface IItemGrain : IGrainWithStringKey
{
    [Alias("get"), ReadOnly]
    Task<ItemEstimate> GetAsync();

    /// <summary>
    /// Adds what answers did to the item. One-way: the answering student does not wait for it, and the grain
    /// sums changes in memory and stores them on a timer, so a hot item costs one write per interval.
    /// </summary>
    [Alias("add"), OneWay]
    Task AddAsync(ItemEstimateChange change);
}
