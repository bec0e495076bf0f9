namespace MasteryEngine.Grains;

/// <summary>One student of a batch: with components, a calculation; without, a recalculation from state.</summary>
public sealed record BatchItem(string StudentId, ComponentScores? Components);
