namespace MasteryEngine.Grains;

/// <summary>Everything held about one student (GDPR access request).</summary>
public sealed record StudentDataExport(
    string StudentId,
    DateTimeOffset ExportedAt,
    MasteryResult? CurrentMastery,
    IReadOnlyList<TopicMastery> Topics,
    IReadOnlyList<MasterySnapshot> Snapshots,
    IReadOnlyList<string> AppliedEventIds,
    IReadOnlyList<string> Cohorts,
    IReadOnlyList<string> Batches);
