using MasteryEngine.Grains.Domain.Learning;

namespace MasteryEngine.Grains.Learning;

/// <summary>What an item grain stores: its parameters across all students, never who answered.</summary>
public sealed class ItemState
{
    public double Difficulty { get; set; }

    public double Information { get; set; }

    public long Responses { get; set; }

    public ItemParameters ToParameters() => new(Difficulty, Information, Responses);

    public static ItemState From(ItemParameters parameters) =>
        new() { Difficulty = parameters.Difficulty, Information = parameters.Information, Responses = parameters.Responses };
}
