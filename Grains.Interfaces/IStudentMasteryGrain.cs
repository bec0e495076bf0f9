using MasteryEngine.Runtime;

namespace MasteryEngine.Grains;

/// <summary>One student's mastery; the key is the student id.</summary>
public interface IStudentMasteryGrain : IGrainWithStringKey
{
    /// <summary>Current mastery with history, trend and topics (a student with no data has all-zero components).</summary>
    Task<MasteryQueryResult> QueryAsync();

    /// <summary>Sets the components to the given scores (on-demand calculation) or, with null, recalculates from state.</summary>
    Task<MasteryResult> CalculateAsync(ComponentScores? components);

    /// <summary>Applies a learning event once: a repeated event id changes nothing.</summary>
    Task<EventApplyResult> ApplyEventAsync(LearningEvent learningEvent);

    /// <summary>
    /// Applies the student's events in order, as <see cref="ApplyEventAsync"/> would one by one, and stores them
    /// with one write: all of them or, when one is invalid or the write fails, none.
    /// </summary>
    Task<IReadOnlyList<EventApplyResult>> ApplyEventsAsync(IReadOnlyList<LearningEvent> learningEvents);

    Task<MasteryPrediction> PredictAsync(int timeframeDays);

    Task<IReadOnlyList<Recommendation>> RecommendAsync(int limit, RecommendationPriority? priority);

    Task<MasteryHistory> GetHistoryAsync(int days);

    /// <summary>Whether the grain holds any data for this student (used by cohort analytics).</summary>
    Task<bool> HasDataAsync();

    /// <summary>The day the event with this id was applied, or null when it was not applied within the idempotency window.</summary>
    Task<DateOnly?> GetEventAppliedOnAsync(string eventId);

    Task<IReadOnlyList<string>> GetCohortsAsync();

    /// <summary>Records membership on the student side, so that an erasure can leave every cohort.</summary>
    Task JoinCohortAsync(string cohortId);

    Task LeaveCohortAsync(string cohortId);

    /// <summary>Records that a batch holds a result for this student, so that an erasure can remove it.</summary>
    Task RecordBatchAsync(string batchId);

    Task<StudentDataExport> ExportAsync();

    /// <summary>Erases everything held about the student: state, snapshots, applied event ids, cohort memberships, batch results.</summary>
    Task<ErasureReport> EraseAsync();
}
