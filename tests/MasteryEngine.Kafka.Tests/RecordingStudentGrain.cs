using System.Text.Json;
using MasteryEngine.Grains;

namespace MasteryEngine.Kafka.Tests;

/// <summary>
/// A student grain that applies each event id once, sums the events' <c>data.points</c> as its "effect", and records
/// the order of application and whether two calls ever overlapped.
/// </summary>
internal sealed class RecordingStudentGrain(string studentId, RecordingGrainFactory factory) : IStudentMasteryGrain
{
    private readonly Lock gate = new();
    private readonly List<LearningEvent> applied = [];
    private readonly HashSet<string> appliedIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> deliveries = new(StringComparer.Ordinal);
    private readonly List<ComponentScores?> calculations = [];
    private int activeCalls;

    public IReadOnlyList<LearningEvent> Applied
    {
        get
        {
            lock (gate)
            {
                return [.. applied];
            }
        }
    }

    public IReadOnlyList<ComponentScores?> Calculations
    {
        get
        {
            lock (gate)
            {
                return [.. calculations];
            }
        }
    }

    public long PointsSum => Applied.Sum(e => e.Data.ValueKind == JsonValueKind.Object && e.Data.TryGetProperty("points", out var p) ? p.GetInt64() : 0);

    public int DuplicateDeliveries { get; private set; }

    public bool CallsOverlapped { get; private set; }

    /// <summary>The most events one call applied (the consumer hands a student's queued events over together).</summary>
    public int LargestBatch { get; private set; }

    public async Task<EventApplyResult> ApplyEventAsync(LearningEvent learningEvent) => (await ApplyEventsAsync([learningEvent]))[0];

    public async Task<IReadOnlyList<EventApplyResult>> ApplyEventsAsync(IReadOnlyList<LearningEvent> learningEvents)
    {
        if (Interlocked.Increment(ref activeCalls) > 1)
        {
            CallsOverlapped = true;
        }

        factory.CallStarted();
        try
        {
            await factory.Gate;
            await Task.Delay(factory.CallDelay);
            lock (gate)
            {
                LargestBatch = Math.Max(LargestBatch, learningEvents.Count);
                foreach (var learningEvent in learningEvents)
                {
                    var previousDeliveries = deliveries.GetValueOrDefault(learningEvent.EventId);
                    deliveries[learningEvent.EventId] = previousDeliveries + 1;
                    if (factory.Failures(learningEvent, previousDeliveries) is { } failure)
                    {
                        // Like the real grain: nothing of a failed call is applied.
                        throw failure;
                    }
                }

                return [.. learningEvents.Select(Record)];
            }
        }
        finally
        {
            factory.CallEnded();
            Interlocked.Decrement(ref activeCalls);
        }
    }

    public Task<MasteryResult> CalculateAsync(ComponentScores? components)
    {
        lock (gate)
        {
            calculations.Add(components);
        }

        var scores = components ?? ComponentScores.Zero;
        var score = (scores.Completion + scores.Quiz + scores.Quality + scores.Consistency) / 4;
        return Task.FromResult(new MasteryResult(studentId, score, MasteryLevel.Proficient, scores, [], [], DateTimeOffset.UnixEpoch));
    }

    public Task<MasteryQueryResult> QueryAsync() => throw new NotSupportedException();

    public Task<MasteryPrediction> PredictAsync(int timeframeDays) => throw new NotSupportedException();

    public Task<AnswerPredictionResult> PredictAnswerAsync(string itemId, string topic) => throw new NotSupportedException();

    public Task<IReadOnlyList<PracticeRecommendation>> RecommendPracticeAsync(IReadOnlyList<PracticeItem> candidates, int limit) => throw new NotSupportedException();

    public Task<IReadOnlyList<Recommendation>> RecommendAsync(int limit, RecommendationPriority? priority) => throw new NotSupportedException();

    public Task<MasteryHistory> GetHistoryAsync(int days) => throw new NotSupportedException();

    public Task<bool> HasDataAsync() => throw new NotSupportedException();

    public Task<DateOnly?> GetEventAppliedOnAsync(string eventId) => throw new NotSupportedException();

    public Task<IReadOnlyList<string>> GetCohortsAsync() => throw new NotSupportedException();

    public Task<IReadOnlyList<string>> GetBatchesAsync() => throw new NotSupportedException();

    public Task JoinCohortAsync(string cohortId) => throw new NotSupportedException();

    public Task LeaveCohortAsync(string cohortId) => throw new NotSupportedException();

    public Task RecordBatchAsync(string batchId) => throw new NotSupportedException();

    public Task<StudentDataExport> ExportAsync() => throw new NotSupportedException();

    public Task<ErasureReport?> EraseAsync() => throw new NotSupportedException();

    private EventApplyResult Record(LearningEvent learningEvent)
    {
        var isNew = appliedIds.Add(learningEvent.EventId);
        if (isNew)
        {
            applied.Add(learningEvent);
        }
        else
        {
            DuplicateDeliveries++;
        }

        return new EventApplyResult(studentId, learningEvent.EventId, isNew, applied.Count / 100.0, MasteryLevel.Novice);
    }
}
