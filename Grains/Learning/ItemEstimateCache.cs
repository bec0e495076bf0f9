using System.Collections.Concurrent;
using MasteryEngine.Grains.Domain.Learning;

namespace MasteryEngine.Grains.Learning;

/// <summary>
/// The silo's copy of item parameters, shared by its student grains: a student grain reads an item from here
/// and asks the item grain at most once per <see cref="Freshness"/> per item and silo, so a hot item is not
/// called once per answer. Changes go to the item grain one-way and into this copy at once, so the silo's
/// next answers see them before the next refresh.
/// </summary>
public sealed class ItemEstimateCache(IGrainFactory grains, TimeProvider time)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);

    /// <summary>Beyond this many items the copy starts over rather than grow without bound.</summary>
    public const int Capacity = 200_000;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public async ValueTask<ItemParameters> GetAsync(string itemId)
    {
        if (entries.TryGetValue(itemId, out var entry) && time.GetElapsedTime(entry.FetchedAt) < Freshness)
        {
            return entry.Parameters;
        }

        var estimate = await grains.GetGrain<IItemGrain>(itemId).GetAsync();
        var parameters = new ItemParameters(estimate.Difficulty, estimate.Information, estimate.Responses);
        if (entries.Count >= Capacity)
        {
            entries.Clear();
        }

        entries[itemId] = new Entry(parameters, time.GetTimestamp());
        return parameters;
    }

    /// <summary>Sends answers' summed change to the item grain (one-way) and applies it to the copy.</summary>
    public Task AddAsync(string itemId, ItemDifficultyDelta delta)
    {
        if (entries.TryGetValue(itemId, out var entry))
        {
            entries[itemId] = entry with { Parameters = entry.Parameters.Apply(delta) };
        }

        return grains.GetGrain<IItemGrain>(itemId).AddAsync(new ItemEstimateChange(delta.Difficulty, delta.Information, delta.Responses));
    }

    private sealed record Entry(ItemParameters Parameters, long FetchedAt);
}
