namespace MasteryEngine.Grains;

/// <summary>Everything held about one student (GDPR access request).</summary>
[GenerateSerializer, Immutable, Alias("mastery.student-data-export")]
public sealed record StudentDataExport(
    [property: Id(0)] string StudentId,
    [property: Id(1)] DateTimeOffset ExportedAt,
    [property: Id(2)] MasteryResult? CurrentMastery,
    [property: Id(3)] IReadOnlyList<TopicMastery> Topics,
    [property: Id(4)] IReadOnlyList<MasterySnapshot> Snapshots,
    [property: Id(5)] IReadOnlyList<string> AppliedEventIds,
    [property: Id(6)] IReadOnlyList<string> Cohorts,
    [property: Id(7)] IReadOnlyList<string> Batches);
