namespace MasteryEngine.Grains;

/// <summary>The kinds of data an erasure names (never the data itself).</summary>
public static class ErasedDataKinds
{
    public const string Mastery = "mastery_scores";
    public const string Topics = "topic_mastery";
    public const string Snapshots = "snapshots";
    public const string AppliedEventIds = "applied_event_ids";
    public const string CohortMemberships = "cohort_memberships";
    public const string BatchResults = "batch_results";
    public const string Knowledge = "learner_knowledge";

    public static readonly IReadOnlyList<string> All = [Mastery, Topics, Snapshots, AppliedEventIds, CohortMemberships, BatchResults, Knowledge];
}
