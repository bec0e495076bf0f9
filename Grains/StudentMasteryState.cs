using System.Text.Json.Serialization;
using MasteryEngine.Grains.Domain;
using MasteryEngine.Grains.Domain.Learning;
using MasteryEngine.Grains.Serialization;

namespace MasteryEngine.Grains;

/// <summary>
/// Everything held about one student. Compact on purpose (a million may be resident): arrays of small structs,
/// event ids as 8-byte fingerprints, activity as a 64-bit day set. Changes go through the methods below, which
/// replace arrays rather than edit them, so that <see cref="Clone"/> gives an independent copy to work on.
/// </summary>
public sealed class StudentMasteryState
{
    /// <summary>Batch statuses expire after a day; a reference is kept one day longer to cover clock skew.</summary>
    public const int BatchReferenceDays = 2;

    public const int MaxRecordedBatches = 32;

    public ComponentTracker Overall { get; set; } = new();

    public TopicTracker[] Topics { get; set; } = [];

    public DailySnapshot[] Snapshots { get; set; } = [];

    public AppliedEvent[] AppliedEvents { get; set; } = [];

    public string[] Cohorts { get; set; } = [];

    public RecordedBatch[] Batches { get; set; } = [];

    public DateTimeOffset? LastCalculatedAt { get; set; }

    /// <summary>The learner model's knowledge across all topics (null until the first answer); per topic it is on the topic.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TopicKnowledge? Knowledge { get; set; }

    /// <summary>The level as of the last change: a change is a <see cref="MasteryThresholdReached"/>.</summary>
    public MasteryLevel Level { get; set; }

    /// <summary>Fingerprint of the top recommendations (component or topic, and priority) as of the last change.</summary>
    public ulong RecommendationFingerprint { get; set; }

    /// <summary>
    /// Milestones stored with the change that caused them and not yet published, oldest first (a transactional
    /// outbox): a milestone whose publication failed, or was cut short by a crash, is published later instead of
    /// being lost. A milestone is identified by its student, type and <c>occurred_at</c>, so a consumer can
    /// recognise one delivered twice.
    /// </summary>
    public MasteryDomainEvent[] Outbox { get; set; } = [];

    [JsonIgnore]
    public bool HasData => Overall.HasData || LastCalculatedAt is not null || Knowledge is not null;

    public bool HasApplied(string eventId) => AppliedEventLog.Contains(AppliedEvents, EventFingerprint.Of(eventId));

    /// <summary>
    /// Applies a validated event: remembers its id, moves the overall components and, with a topic, that topic's,
    /// and records the activity on the event's day (its timestamp, never later than now; no timestamp means now).
    /// </summary>
    public void Apply(LearningEvent learningEvent, LearningObservation observation, DateTimeOffset now, MasteryOptions options)
    {
        var today = DayOf(now);
        AppliedEvents = AppliedEventLog.Add(
            AppliedEvents, EventFingerprint.Of(learningEvent.EventId), today, options.IdempotencyWindow);

        var activityDay = learningEvent.Timestamp == default ? today : Math.Min(DayOf(learningEvent.Timestamp), today);
        var topic = learningEvent.Topic is { } name ? TopicFor(name, options.MaxTopics) : null;
        if (topic is null)
        {
            ApplyTo(Overall, observation, options.EwmaAlpha);
        }
        else
        {
            var (completedBefore, totalBefore) = (topic.CompletedExercises, topic.TotalExercises);
            ApplyTo(topic, observation, options.EwmaAlpha);
            topic.RecordActivity(activityDay);
            if (observation is CompletionObserved or ExerciseCompletedObserved)
            {
                Overall.AddProgress(topic.CompletedExercises - completedBefore, topic.TotalExercises - totalBefore);
            }
            else
            {
                ApplyTo(Overall, observation, options.EwmaAlpha);
            }
        }

        Overall.RecordActivity(activityDay);
    }

    /// <summary>
    /// The learner model learns from an answer already applied by <see cref="Apply"/>: the topic's knowledge and
    /// the knowledge across topics move, and the outcome says what the model predicted before and how the item
    /// moved. <paramref name="at"/> is when the answer was given (decay runs to it). A topic dropped for room
    /// (<see cref="MasteryOptions.MaxTopics"/>) keeps only the knowledge across topics.
    /// </summary>
    public AnswerOutcome Learn(string topicName, AnswerObserved answer, ItemParameters item, LearnerModel model, DateTimeOffset at)
    {
        var topic = Find(topicName);
        var outcome = model.Update(
            topic?.Knowledge ?? TopicKnowledge.None,
            Knowledge ?? TopicKnowledge.None,
            item,
            model.Parameters.Topic(topicName),
            answer.Score,
            at);
        if (topic is not null)
        {
            topic.Knowledge = outcome.Topic;
        }

        Knowledge = outcome.Overall;
        return outcome;
    }

    /// <summary>
    /// Records whether the topic is mastered after <paramref name="knowledge"/> (mastered at the mastered threshold,
    /// again possible once below the proficient one); true when it just crossed into mastered.
    /// </summary>
    public bool TrackMastered(string topicName, KnowledgeEstimate knowledge, LevelThresholds thresholds)
    {
        if (Find(topicName) is not { } topic)
        {
            return false;
        }

        (topic.Mastered, var crossed) = TopicMasteryCrossing.Next(topic.Mastered, knowledge, thresholds.Mastered, thresholds.Proficient);
        return crossed;
    }

    /// <summary>The learner model's P(correct) for an item of a topic at <paramref name="now"/>.</summary>
    public AnswerPrediction PredictAnswer(string topicName, ItemParameters item, LearnerModel model, DateTimeOffset now) =>
        model.Predict(
            Find(topicName)?.Knowledge ?? TopicKnowledge.None,
            Knowledge ?? TopicKnowledge.None,
            item,
            model.Parameters.Topic(topicName),
            now);

    /// <summary>The learner model's knowledge of a topic at <paramref name="now"/> (a topic never answered starts from the knowledge across topics).</summary>
    public KnowledgeEstimate KnowledgeOf(string topicName, LearnerModel model, DateTimeOffset now) =>
        model.Knowledge(
            Find(topicName)?.Knowledge ?? TopicKnowledge.None,
            Knowledge ?? TopicKnowledge.None,
            model.Parameters.Topic(topicName),
            now);

    /// <summary>How much the topic's knowledge fell since the student last answered on it (0 when never answered).</summary>
    public double KnowledgeDecay(string topicName, LearnerModel model, DateTimeOffset now) =>
        Find(topicName)?.Knowledge?.LastAnsweredAt is { } last && last < now
            ? Math.Max(0, KnowledgeOf(topicName, model, last).Knowledge - KnowledgeOf(topicName, model, now).Knowledge)
            : 0;

    /// <summary>An on-demand calculation: the given scores become the overall components.</summary>
    public void SetComponents(ComponentScores components, DateTimeOffset now) => Overall.State(components, DayOf(now));

    /// <summary>
    /// Closes a change: records today's snapshot, prunes what is beyond retention, and says whether the level
    /// or the top recommendations changed (what the grain announces once the write succeeded).
    /// </summary>
    public MasteryChange Commit(string studentId, DateTimeOffset now, MasteryOptions options)
    {
        var today = DayOf(now);
        var components = CurrentComponents(today, options);
        var mastery = MasteryFormula.Score(components, options.Weights);
        var level = MasteryLevels.Classify(mastery, options.Thresholds);
        Snapshots = SnapshotHistory.Record(Snapshots, DailySnapshot.Of(today, mastery, components), options.RetentionDays);
        AppliedEvents = [.. AppliedEventLog.Retained(AppliedEvents, today, options.IdempotencyWindow)];
        LastCalculatedAt = now;

        var previousLevel = Level;
        Level = level;
        var steps = RecommendationEngine.RankSteps(components, StudentMasteryView.Topics(this, today, options), options);
        var fingerprint = FingerprintOf(steps);
        var recommendationsChanged = fingerprint != RecommendationFingerprint;
        RecommendationFingerprint = fingerprint;

        var notifications = new List<MasteryDomainEvent>(2);
        if (level != previousLevel)
        {
            notifications.Add(new MasteryThresholdReached(studentId, now, previousLevel, level, mastery));
        }

        if (recommendationsChanged)
        {
            notifications.Add(new LearningPathRecommended(studentId, now, [.. steps.Take(TopRecommendations).Select(step => RecommendationEngine.Describe(step, options))]));
        }

        return new MasteryChange(mastery, level, notifications);
    }

    /// <summary>Drops snapshots and event ids beyond retention; true when anything was dropped.</summary>
    public bool Prune(DateTimeOffset now, MasteryOptions options)
    {
        var today = DayOf(now);
        var snapshots = SnapshotHistory.Retained(Snapshots, today, options.RetentionDays).ToArray();
        var applied = AppliedEventLog.Retained(AppliedEvents, today, options.IdempotencyWindow).ToArray();
        var batches = Batches.Where(b => today - b.Day < BatchReferenceDays).ToArray();
        if (snapshots.Length == Snapshots.Length && applied.Length == AppliedEvents.Length && batches.Length == Batches.Length)
        {
            return false;
        }

        (Snapshots, AppliedEvents, Batches) = (snapshots, applied, batches);
        return true;
    }

    public ComponentScores CurrentComponents(int today, MasteryOptions options) =>
        Overall.Components(today, options.ConsistencyWindowDays);

    public bool JoinCohort(string cohortId)
    {
        if (Cohorts.Contains(cohortId, StringComparer.Ordinal))
        {
            return false;
        }

        Cohorts = [.. Cohorts, cohortId];
        return true;
    }

    public bool LeaveCohort(string cohortId)
    {
        if (!Cohorts.Contains(cohortId, StringComparer.Ordinal))
        {
            return false;
        }

        Cohorts = [.. Cohorts.Where(c => c != cohortId)];
        return true;
    }

    public void RecordBatch(string batchId, DateTimeOffset now)
    {
        var today = DayOf(now);
        var kept = Batches.Where(b => b.BatchId != batchId && today - b.Day < BatchReferenceDays).Append(new RecordedBatch(batchId, today)).ToArray();
        Batches = kept.Length <= MaxRecordedBatches ? kept : kept[^MaxRecordedBatches..];
    }

    /// <summary>The kinds of data held, as an erasure reports them.</summary>
    public IReadOnlyList<string> DataKinds()
    {
        var kinds = new List<string>();
        if (HasData)
        {
            kinds.Add(ErasedDataKinds.Mastery);
        }

        AddIf(kinds, Topics.Length > 0, ErasedDataKinds.Topics);
        AddIf(kinds, Snapshots.Length > 0, ErasedDataKinds.Snapshots);
        AddIf(kinds, AppliedEvents.Length > 0, ErasedDataKinds.AppliedEventIds);
        AddIf(kinds, Cohorts.Length > 0, ErasedDataKinds.CohortMemberships);
        AddIf(kinds, Batches.Length > 0, ErasedDataKinds.BatchResults);
        AddIf(kinds, Knowledge is not null, ErasedDataKinds.Knowledge);
        return kinds;
    }

    public StudentMasteryState Clone() => new()
    {
        Overall = Overall.Clone(),
        Topics = [.. Topics.Select(t => t.Clone())],
        Snapshots = Snapshots,
        AppliedEvents = AppliedEvents,
        Cohorts = Cohorts,
        Batches = Batches,
        LastCalculatedAt = LastCalculatedAt,
        Knowledge = Knowledge,
        Level = Level,
        RecommendationFingerprint = RecommendationFingerprint,
        Outbox = Outbox,
    };

    public static int DayOf(DateTimeOffset time) => DateOnly.FromDateTime(time.UtcDateTime).DayNumber;

    /// <summary>The top recommendations compared for <see cref="LearningPathRecommended"/>.</summary>
    public const int TopRecommendations = 3;

    /// <summary>
    /// FNV-1a over (component, topic, priority) of the top recommendations: gains move with every event, so only
    /// what is recommended and how urgently counts as a change. Stable across processes, unlike string hash codes.
    /// </summary>
    private static ulong FingerprintOf(IReadOnlyList<RankedStep> steps)
    {
        const ulong offsetBasis = 14695981039346656037;
        const ulong prime = 1099511628211;
        var hash = offsetBasis;
        var count = Math.Min(TopRecommendations, steps.Count);
        for (var i = 0; i < count; i++)
        {
            var step = steps[i];
            hash = (hash ^ (ulong)(step.Component is { } component ? (int)component + 1 : 0)) * prime;
            hash = (hash ^ (ulong)(int)step.Priority) * prime;
            foreach (var character in step.Topic?.Topic ?? "")
            {
                hash = (hash ^ character) * prime;
            }

            hash = (hash ^ '|') * prime;
        }

        return count == 0 ? 0 : hash;
    }

    private TopicTracker? Find(string name)
    {
        foreach (var existing in Topics)
        {
            if (existing.Name == name)
            {
                return existing;
            }
        }

        return null;
    }

    private TopicTracker? TopicFor(string name, int maxTopics)
    {
        if (Find(name) is { } existing)
        {
            return existing;
        }

        if (maxTopics == 0)
        {
            return null;
        }

        var topics = Topics;
        if (topics.Length >= maxTopics)
        {
            // Make room by forgetting the topic the student touched least recently.
            var stalest = topics.MinBy(t => t.Activity.LastDay)!;
            topics = [.. topics.Where(t => !ReferenceEquals(t, stalest))];
        }

        var topic = new TopicTracker { Name = name };
        Topics = [.. topics, topic];
        return topic;
    }

    private static void ApplyTo(ComponentTracker tracker, LearningObservation observation, double alpha)
    {
        switch (observation)
        {
            case CompletionObserved completion:
                tracker.ReportProgress(completion.Completed, completion.Total);
                break;
            case ExerciseCompletedObserved exercise:
                tracker.CompleteExercise(exercise.Total);
                break;
            case QuizObserved quiz:
                tracker.RecordQuiz(quiz.Ratio, alpha);
                break;
            case QualityObserved quality:
                tracker.RecordQuality(quality.Score, alpha);
                break;
            case AnswerObserved answer:
                // An answer is a one-question quiz: its credit moves the quiz component like a quiz's ratio.
                tracker.RecordQuiz(answer.Score, alpha);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(observation), observation, "Unknown observation.");
        }
    }

    private static void AddIf(List<string> kinds, bool condition, string kind)
    {
        if (condition)
        {
            kinds.Add(kind);
        }
    }
}
