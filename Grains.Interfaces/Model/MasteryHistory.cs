namespace MasteryEngine.Grains;

[GenerateSerializer, Immutable, Alias("mastery.mastery-history")]
public sealed record MasteryHistory(
    [property: Id(0)] string StudentId,
    [property: Id(1)] int Days,
    [property: Id(2)] IReadOnlyList<MasterySnapshot> Snapshots,
    [property: Id(3)] double? Average,
    [property: Id(4)] MasteryTrend Trend);
