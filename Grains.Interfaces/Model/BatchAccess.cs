namespace MasteryEngine.Grains;

/// <summary>Who may read a batch: its creator (null for a batch started without one), and every student it names.</summary>
[GenerateSerializer, Immutable, Alias("mastery.batch-access")]
public sealed record BatchAccess([property: Id(0)] string? CreatedBy, [property: Id(1)] IReadOnlyList<string> StudentIds);
