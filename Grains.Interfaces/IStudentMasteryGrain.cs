using Orleans.Concurrency;

namespace MasteryEngine.Grains;

/// <summary>
/// One student's mastery; the key is the student id. Reads are <see cref="ReadOnlyAttribute"/>: they run beside
/// each other and never wait on another grain, so a cohort's analytics can ask every member at once.
/// </summary>
[Alias("mastery.student")]
public interface IStudentMasteryGrain : IGrainWithStringKey
{
    /// <summary>Current mastery with history, trend and topics (a student with no data has all-zero components).</summary>
    [Alias("query"), ReadOnly]
    Task<MasteryQueryResult> QueryAsync();

    /// <summary>Sets the components to the given scores (on-demand calculation) or, with null, recalculates from state.</summary>
    [Alias("calculate")]
    Task<MasteryResult> CalculateAsync(ComponentScores? components);

    /// <summary>Applies a learning event once: a repeated event id changes nothing.</summary>
    [Alias("apply-event")]
    Task<EventApplyResult> ApplyEventAsync(LearningEvent learningEvent);

    /// <summary>
    /// Applies the student's events in order, as <see cref="ApplyEventAsync"/> would one by one, and stores them
    /// with one write: all of them or, when one is invalid or the write fails, none.
    /// </summary>
    [Alias("apply-events")]
    Task<IReadOnlyList<EventApplyResult>> ApplyEventsAsync(IReadOnlyList<LearningEvent> learningEvents);

    /// <summary>The learner model's P(correct) for this student on an item of a topic, now, before any answer.</summary>
    [Alias("predict-answer"), ReadOnly]
    Task<AnswerPredictionResult> PredictAnswerAsync(string itemId, string topic);

    /// <summary>
    /// Orders the candidates for practice: P(correct) inside the success band first, decayed topics first among
    /// those (see <c>PracticeSelector</c>); at most <paramref name="limit"/>.
    /// </summary>
    [Alias("recommend-practice"), ReadOnly]
    Task<IReadOnlyList<PracticeRecommendation>> RecommendPracticeAsync(IReadOnlyList<PracticeItem> candidates, int limit);

    [Alias("predict"), ReadOnly]
    Task<MasteryPrediction> PredictAsync(int timeframeDays);

    [Alias("recommend"), ReadOnly]
    Task<IReadOnlyList<Recommendation>> RecommendAsync(int limit, RecommendationPriority? priority);

    [Alias("history"), ReadOnly]
    Task<MasteryHistory> GetHistoryAsync(int days);

    /// <summary>Whether the grain holds any data for this student (used by cohort analytics).</summary>
    [Alias("has-data"), ReadOnly]
    Task<bool> HasDataAsync();

    /// <summary>The day the event with this id was applied, or null when it was not applied within the idempotency window.</summary>
    [Alias("event-applied-on"), ReadOnly]
    Task<DateOnly?> GetEventAppliedOnAsync(string eventId);

    [Alias("cohorts"), ReadOnly]
    Task<IReadOnlyList<string>> GetCohortsAsync();

    /// <summary>The batches that hold a result for this student (what an erasure must visit).</summary>
    [Alias("batches"), ReadOnly]
    Task<IReadOnlyList<string>> GetBatchesAsync();

    /// <summary>Records membership on the student side, so that an erasure can leave every cohort. Called by the cohort.</summary>
    [Alias("join-cohort")]
    Task JoinCohortAsync(string cohortId);

    /// <summary>Forgets the membership on the student side. Called by the cohort once it removed the student.</summary>
    [Alias("leave-cohort")]
    Task LeaveCohortAsync(string cohortId);

    /// <summary>Records that a batch holds a result for this student, so that an erasure can remove it.</summary>
    [Alias("record-batch")]
    Task RecordBatchAsync(string batchId);

    [Alias("export"), ReadOnly]
    Task<StudentDataExport> ExportAsync();

    /// <summary>
    /// Erases the student's own state (components, topics, snapshots, applied event ids, batch references) once it
    /// lists no cohort; null, erasing nothing, while a membership remains (one may have been added since the caller
    /// looked). It calls no other grain; <see cref="IStudentErasureGrain"/> leaves the cohorts and batches first.
    /// </summary>
    [Alias("erase")]
    Task<ErasureReport?> EraseAsync();
}
