using MasteryEngine.Grains.Domain;
using MasteryEngine.Grains.Domain.Learning;
using MasteryEngine.Grains.Domain.Xapi;
using MasteryEngine.Grains.Learning;
using MasteryEngine.Grains.Observability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace MasteryEngine.Grains;

/// <summary>
/// One student's mastery. Every change follows one rhythm: validate → mutate a copy of the state → write →
/// announce (threshold and learning-path events, only once the write succeeded). The maths is in Domain.
/// Announcements are written with the change (the state's outbox) and published after it, so none is lost when
/// publishing fails: what is left is published before the next ones, at the next change or activation.
/// Learning events published to the student's stream arrive through an implicit subscription, in order.
/// </summary>
[GrainType("student")]
[ImplicitStreamSubscription(StreamNamespaces.LearningEvents)]
public sealed class StudentMasteryGrain(
    [PersistentState("mastery")] IPersistentState<StudentMasteryState> mastery,
    TimeProvider time,
    IOptions<MasteryOptions> options,
    IOptions<XapiOptions> xapi,
    IOptions<MilestoneOutboxOptions> outboxOptions,
    MasteryMetrics metrics,
    LearnerModel model,
    ItemEstimateCache items,
    ILogger<StudentMasteryGrain> logger) : Grain, IStudentMasteryGrain, IStreamSubscriptionObserver
{
    private static readonly IReadOnlyList<MasteryDomainEvent> NothingToAnnounce = [];

    /// <summary>Milestones were published since the last write: the stored outbox still holds them.</summary>
    private bool outboxPublishedSinceWrite;

    /// <summary>
    /// The publication of the outbox's first milestone when the wait for it ran out: the next attempt waits for
    /// this one instead of sending the milestone a second time.
    /// </summary>
    private Task? headPublication;

    /// <summary>Tries the outbox again while it holds milestones that could not be published.</summary>
    private IGrainTimer? outboxRetry;

    private MasteryOptions Options => options.Value;

    private string StudentId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!mastery.RecordExists)
        {
            return;
        }

        // Retention is enforced even for students who stopped: whatever aged out goes when they are next loaded.
        if (mastery.State.Prune(time.GetUtcNow(), Options))
        {
            await WriteAsync(cancellationToken);
        }

        // Left by a failed publication or a crash; published before anything new.
        await PublishOutboxAsync();
        await RecordPublishedOutboxAsync(cancellationToken);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        RecordPublishedOutboxAsync(cancellationToken);

    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        handleFactory.Create<LearningEvent>().ResumeAsync((learningEvent, _) => OnLearningEventAsync(learningEvent));

    public Task<MasteryQueryResult> QueryAsync() =>
        Task.FromResult(StudentMasteryView.Query(StudentId, mastery.State, time.GetUtcNow(), Options, model));

    public async Task<MasteryResult> CalculateAsync(ComponentScores? components)
    {
        var started = time.GetTimestamp();
        if (components is not null)
        {
            ValidateComponents(components);
        }

        var result = await UpdateAsync((state, now) =>
        {
            if (components is not null)
            {
                state.SetComponents(components, now);
            }

            var change = state.Commit(StudentId, now, Options);
            return (StudentMasteryView.Result(StudentId, state, now, Options), change.Notifications);
        });
        metrics.RecordCalculation("calculate", time.GetElapsedTime(started));
        return result;
    }

    public async Task<EventApplyResult> ApplyEventAsync(LearningEvent learningEvent)
    {
        ArgumentNullException.ThrowIfNull(learningEvent);
        return (await ApplyEventsAsync([learningEvent]))[0];
    }

    /// <remarks>
    /// Answers read their items from the silo's cache before the change (the only grain this grain calls: item
    /// grains never call back) and send the items' summed changes one-way once the change is stored, so an
    /// answer that was not stored never moves an item.
    /// </remarks>
    public async Task<IReadOnlyList<EventApplyResult>> ApplyEventsAsync(IReadOnlyList<LearningEvent> learningEvents)
    {
        var started = time.GetTimestamp();
        ArgumentNullException.ThrowIfNull(learningEvents);
        var observations = learningEvents.Select(Validate).ToArray();
        var itemParameters = await ItemsAnsweredAsync(observations);
        Dictionary<string, ItemDifficultyDelta>? itemChanges = null;
        var results = await UpdateAsync((state, now) =>
        {
            itemChanges = null;
            var answered = itemParameters is null ? null : new Dictionary<string, ItemParameters>(itemParameters, StringComparer.Ordinal);
            var outcomes = new EventApplyResult[learningEvents.Count];
            List<MasteryDomainEvent>? announcements = null;
            for (var i = 0; i < outcomes.Length; i++)
            {
                var learningEvent = learningEvents[i];
                if (state.HasApplied(learningEvent.EventId))
                {
                    var current = StudentMasteryView.Result(StudentId, state, now, Options);
                    outcomes[i] = new EventApplyResult(StudentId, learningEvent.EventId, false, current.MasteryScore, current.Level);
                    continue;
                }

                state.Apply(learningEvent, observations[i], now, Options);
                var (predicted, knowledge, mastered) = observations[i] is AnswerObserved answer
                    ? Learn(state, learningEvent, answer, answered!, itemChanges ??= new(StringComparer.Ordinal), now)
                    : ((double?)null, (TopicKnowledgeSummary?)null, (XapiStatementEmitted?)null);
                var change = state.Commit(StudentId, now, Options);
                outcomes[i] = new EventApplyResult(StudentId, learningEvent.EventId, true, change.MasteryScore, change.Level, predicted, knowledge);
                (announcements ??= []).AddRange(change.Notifications);
                if (mastered is not null)
                {
                    announcements.Add(mastered);
                }
            }

            return ((IReadOnlyList<EventApplyResult>)outcomes, (IReadOnlyList<MasteryDomainEvent>?)announcements);
        });
        if (itemChanges is not null)
        {
            await Task.WhenAll(itemChanges.Select(change => items.AddAsync(change.Key, change.Value)));
        }

        metrics.RecordCalculation("event", time.GetElapsedTime(started));
        return results;
    }

    public async Task<AnswerPredictionResult> PredictAnswerAsync(string itemId, string topic)
    {
        ValidateId(itemId, nameof(itemId));
        ValidateId(topic, nameof(topic));
        var item = await items.GetAsync(itemId);
        var prediction = mastery.State.PredictAnswer(topic, item, model, time.GetUtcNow());
        return KnowledgeSummaries.Of(StudentId, itemId, topic, prediction);
    }

    public async Task<IReadOnlyList<PracticeRecommendation>> RecommendPracticeAsync(IReadOnlyList<PracticeItem> candidates, int limit)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var now = time.GetUtcNow();
        var scored = new List<PracticeCandidate>(candidates.Count);
        foreach (var candidate in candidates)
        {
            ValidateId(candidate.ItemId, nameof(candidate.ItemId));
            ValidateId(candidate.Topic, nameof(candidate.Topic));
            var item = await items.GetAsync(candidate.ItemId);
            scored.Add(new PracticeCandidate(
                candidate.ItemId,
                candidate.Topic,
                mastery.State.PredictAnswer(candidate.Topic, item, model, now).PCorrect,
                mastery.State.KnowledgeDecay(candidate.Topic, model, now)));
        }

        var (low, high) = (Options.SuccessBandLow, Options.SuccessBandHigh);
        // An array, not a collection expression: Orleans cannot serialize the compiler's synthesized list type.
        return PracticeSelector.Rank(scored, low, high, limit)
            .Select(c => new PracticeRecommendation(c.ItemId, c.Topic, c.PCorrect, PracticeSelector.InBand(c.PCorrect, low, high), c.KnowledgeDecay))
            .ToArray();
    }

    public Task<MasteryPrediction> PredictAsync(int timeframeDays) =>
        Task.FromResult(StudentMasteryView.Prediction(StudentId, mastery.State, time.GetUtcNow(), timeframeDays, Options));

    public Task<IReadOnlyList<Recommendation>> RecommendAsync(int limit, RecommendationPriority? priority)
    {
        var now = time.GetUtcNow();
        var ranked = StudentMasteryView.Recommendations(mastery.State, StudentMasteryState.DayOf(now), Options);
        var banded = AdaptiveRecommendationOrder.Apply(ranked, StudentMasteryView.TopicPractice(mastery.State, now, model), Options.SuccessBandLow, Options.SuccessBandHigh);
        return Task.FromResult(RecommendationEngine.Select(banded, limit, priority));
    }

    public Task<MasteryHistory> GetHistoryAsync(int days) =>
        Task.FromResult(StudentMasteryView.History(StudentId, mastery.State, time.GetUtcNow(), days, Options));

    public Task<bool> HasDataAsync() => Task.FromResult(mastery.State.HasData);

    public Task<DateOnly?> GetEventAppliedOnAsync(string eventId)
    {
        var today = StudentMasteryState.DayOf(time.GetUtcNow());
        var applied = AppliedEventLog.Find([.. AppliedEventLog.Retained(mastery.State.AppliedEvents, today, Options.IdempotencyWindow)], EventFingerprint.Of(eventId));
        return Task.FromResult(applied is { } entry ? DateOnly.FromDayNumber(entry.Day) : (DateOnly?)null);
    }

    public Task<IReadOnlyList<string>> GetCohortsAsync() => Task.FromResult<IReadOnlyList<string>>(mastery.State.Cohorts);

    public Task<IReadOnlyList<string>> GetBatchesAsync() =>
        Task.FromResult<IReadOnlyList<string>>([.. mastery.State.Batches.Select(batch => batch.BatchId)]);

    public Task JoinCohortAsync(string cohortId)
    {
        ValidateId(cohortId, nameof(cohortId));
        return UpdateAsync((state, _) => (true, state.JoinCohort(cohortId) ? NothingToAnnounce : null));
    }

    public Task LeaveCohortAsync(string cohortId)
    {
        ValidateId(cohortId, nameof(cohortId));
        return UpdateAsync((state, _) => (true, state.LeaveCohort(cohortId) ? NothingToAnnounce : null));
    }

    public Task RecordBatchAsync(string batchId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(batchId);
        return UpdateAsync((state, now) =>
        {
            state.RecordBatch(batchId, now);
            return (true, NothingToAnnounce);
        });
    }

    public Task<StudentDataExport> ExportAsync() =>
        Task.FromResult(StudentMasteryView.Export(StudentId, mastery.State, time.GetUtcNow(), Options, model));

    public async Task<ErasureReport?> EraseAsync()
    {
        if (mastery.State.Cohorts.Length > 0)
        {
            return null;
        }

        var erased = mastery.State.DataKinds();
        await mastery.ClearStateAsync();
        outboxPublishedSinceWrite = false;
        headPublication = null;
        DeactivateOnIdle();
        return new ErasureReport(StudentId, time.GetUtcNow(), [.. ErasedDataKinds.All.Where(erased.Contains)]);
    }

    /// <summary>
    /// Runs <paramref name="operation"/> on a copy of the state and stores it; any failure leaves the state as it
    /// was before the call. The operation returns what to announce once stored, or null when it changed nothing
    /// (then nothing is written). Orleans keeps one activation per student, so a stale ETag
    /// (<see cref="Orleans.Storage.InconsistentStateException"/>) means the stored record changed behind the
    /// cluster's back, e.g. expired or edited by hand: it reaches the caller, nothing of this change is stored,
    /// and Orleans drops the activation so that a retry starts from what storage holds.
    /// </summary>
    private async Task<TResult> UpdateAsync<TResult>(
        Func<StudentMasteryState, DateTimeOffset, (TResult Result, IReadOnlyList<MasteryDomainEvent>? Announcements)> operation)
    {
        var original = mastery.State;
        var working = original.Clone();
        var (result, announcements) = operation(working, time.GetUtcNow());
        if (announcements is null)
        {
            return result;
        }

        if (announcements.Count > 0)
        {
            working.Outbox = [.. working.Outbox, .. announcements];
        }

        mastery.State = working;
        try
        {
            await WriteAsync(CancellationToken.None);
        }
        catch
        {
            mastery.State = original;
            throw;
        }

        await PublishOutboxAsync();
        return result;
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        await mastery.WriteStateAsync(cancellationToken);
        outboxPublishedSinceWrite = false;
    }

    /// <summary>
    /// Stores that milestones went out, when no change did so since. Best effort: should it fail, the stored outbox
    /// still lists them and the next activation sends them again, which is what at-least-once allows; failing the
    /// activation instead would send them again at every retry.
    /// </summary>
    private async Task RecordPublishedOutboxAsync(CancellationToken cancellationToken)
    {
        if (!outboxPublishedSinceWrite)
        {
            return;
        }

        try
        {
            await WriteAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Could not record the published milestones of student {StudentId}", StudentId);
        }
    }

    /// <summary>
    /// Publishes the outbox oldest first and drops what went out from the state in memory; the next write stores
    /// that. Stops at the first failure so that milestones keep their order. Each publication is waited for at most
    /// <see cref="MilestoneOutboxOptions.PublishTimeout"/>, below the grain-call timeout, so a stored change is
    /// acknowledged while the stream is slow or away; what is left is tried again by a timer.
    /// </summary>
    private async Task PublishOutboxAsync()
    {
        var outbox = mastery.State.Outbox;
        if (outbox.Length == 0)
        {
            ScheduleOutboxRetry();
            return;
        }

        var stream = this.GetStreamProvider(StreamProviderNames.Mastery)
            .GetStream<MasteryDomainEvent>(StreamId.Create(StreamNamespaces.MasteryEvents, StudentId));
        var published = 0;
        for (; published < outbox.Length; published++)
        {
            var publication = published == 0 && headPublication is { } underWay ? underWay : stream.OnNextAsync(outbox[published]);
            try
            {
                await publication.WaitAsync(outboxOptions.Value.PublishTimeout, time);
                headPublication = null;
            }
            catch (Exception exception)
            {
                // The change is stored and the caller's operation succeeded; the milestone waits in the outbox.
                headPublication = exception is TimeoutException ? publication : null;
                logger.LogWarning(exception, "Could not publish {EventType} for student {StudentId}; {Pending} milestone(s) kept for later",
                    outbox[published].GetType().Name, StudentId, outbox.Length - published);
                break;
            }
        }

        if (published > 0)
        {
            mastery.State.Outbox = outbox[published..];
            outboxPublishedSinceWrite = true;
        }

        ScheduleOutboxRetry();
    }

    private void ScheduleOutboxRetry()
    {
        if (mastery.State.Outbox.Length == 0)
        {
            outboxRetry?.Dispose();
            outboxRetry = null;
            return;
        }

        // Not kept alive: a grain that goes idle keeps its outbox in storage and publishes it at its next activation.
        var interval = outboxOptions.Value.RetryInterval;
        outboxRetry ??= this.RegisterGrainTimer(RetryOutboxAsync, new GrainTimerCreationOptions(interval, interval) { KeepAlive = false });
    }

    private async Task RetryOutboxAsync(CancellationToken cancellationToken)
    {
        await PublishOutboxAsync();
        await RecordPublishedOutboxAsync(cancellationToken);
    }

    /// <summary>
    /// An event from the student's stream. A refused event is logged and counted, not thrown: the stream would
    /// retry it for a minute and hold up the student's later events. Storage failures are thrown, so the stream
    /// delivers the event again; its id makes the retry harmless.
    /// </summary>
    private async Task OnLearningEventAsync(LearningEvent learningEvent)
    {
        try
        {
            await ApplyEventAsync(learningEvent);
        }
        catch (InvalidLearningEventException exception)
        {
            metrics.RecordRejectedStreamEvent(exception.Rejection.Reason);
            logger.LogWarning("Learning event {EventId} from the stream of student {StudentId} was refused: {Reason}",
                learningEvent.EventId, StudentId, exception.Rejection.Message);
        }
    }

    private async Task<Dictionary<string, ItemParameters>?> ItemsAnsweredAsync(LearningObservation[] observations)
    {
        Dictionary<string, ItemParameters>? answered = null;
        foreach (var observation in observations)
        {
            if (observation is AnswerObserved answer && !(answered ??= new(StringComparer.Ordinal)).ContainsKey(answer.ItemId))
            {
                answered[answer.ItemId] = await items.GetAsync(answer.ItemId);
            }
        }

        return answered;
    }

    /// <summary>
    /// The learner model learns from one answer as of when it was given (never later than now). Later answers of
    /// the same batch see the item as this one left it. When the topic just crossed into mastered, the xAPI
    /// <c>mastered</c> statement to announce (if emitting is on); its id comes from the answer's event id, so
    /// the same answers replayed give the same statement.
    /// </summary>
    private (double? Predicted, TopicKnowledgeSummary? Knowledge, XapiStatementEmitted? Mastered) Learn(
        StudentMasteryState state,
        LearningEvent learningEvent,
        AnswerObserved answer,
        Dictionary<string, ItemParameters> answered,
        Dictionary<string, ItemDifficultyDelta> itemChanges,
        DateTimeOffset now)
    {
        var at = learningEvent.Timestamp == default || learningEvent.Timestamp > now ? now : learningEvent.Timestamp;
        var topic = learningEvent.Topic!;
        var outcome = state.Learn(topic, answer, answered[answer.ItemId], model, at);
        answered[answer.ItemId] = answered[answer.ItemId].Apply(outcome.ItemDelta);
        itemChanges[answer.ItemId] = itemChanges.GetValueOrDefault(answer.ItemId).Plus(outcome.ItemDelta);
        var knowledge = state.KnowledgeOf(topic, model, at);
        var crossed = state.TrackMastered(topic, knowledge, Options.Thresholds);
        return (outcome.Predicted.PCorrect, KnowledgeSummaries.Of(topic, knowledge), crossed && xapi.Value.EmitMastered ? Mastered(topic, learningEvent.EventId, knowledge, at) : null);
    }

    private XapiStatementEmitted Mastered(string topic, string eventId, KnowledgeEstimate knowledge, DateTimeOffset at)
    {
        var id = XapiStatementIds.Mastered(StudentId, topic, eventId);
        var statement = XapiMasteredStatement.Build(id, StudentId, topic, knowledge, xapi.Value.HomePageUri, xapi.Value.ActivityBaseUri, at);
        return new XapiStatementEmitted(StudentId, at, id.ToString("D"), XapiVerbs.Mastered, topic, statement);
    }

    private LearningObservation Validate(LearningEvent learningEvent)
    {
        ArgumentNullException.ThrowIfNull(learningEvent);
        var validation = LearningEventValidator.Validate(learningEvent);
        if (!validation.IsValid)
        {
            throw new InvalidLearningEventException(validation.Rejection);
        }

        if (learningEvent.StudentId != StudentId)
        {
            throw new InvalidLearningEventException(new LearningEventRejection(
                LearningEventRejection.InvalidStudentId, "The event's student_id is not the student it was delivered to."));
        }

        // A repeat still inside the log is a harmless no-op; anything else older than the window is refused.
        var window = Options.IdempotencyWindow;
        if (learningEvent.Timestamp != default
            && AppliedEventLog.IsStale(StudentMasteryState.DayOf(learningEvent.Timestamp), StudentMasteryState.DayOf(time.GetUtcNow()), window)
            && !mastery.State.HasApplied(learningEvent.EventId))
        {
            throw new InvalidLearningEventException(new LearningEventRejection(
                LearningEventRejection.Stale, $"The event is older than the idempotency window of {window} days: whether it was applied can no longer be checked, so it is refused."));
        }

        return validation.Observation;
    }

    private static void ValidateComponents(ComponentScores components)
    {
        foreach (var component in MasteryFormula.Components)
        {
            var score = components.Of(component);
            if (!double.IsFinite(score) || score < 0 || score > 1)
            {
                throw new ArgumentOutOfRangeException(nameof(components), score, $"components.{component.ToString().ToLowerInvariant()} must be a finite number in [0, 1].");
            }
        }
    }

    private static void ValidateId(string id, string name)
    {
        if (!Identifiers.IsValid(id))
        {
            throw new ArgumentException($"{name} must match {Identifiers.Pattern}.", name);
        }
    }
}
