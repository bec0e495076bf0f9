namespace MasteryEngine.Grains;

/// <summary>One student of a batch: with components, a calculation; without, a recalculation from state.</summary>
[GenerateSerializer, Immutable, Alias("mastery.batch-item")]
public sealed record BatchItem([property: Id(0)] string StudentId, [property: Id(1)] ComponentScores? Components);
