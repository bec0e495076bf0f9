using MasteryEngine.Grains.Domain;
using MasteryEngine.Grains.Domain.Learning;
using MasteryEngine.Grains.Learning;

namespace MasteryEngine.Grains;

/// <summary>
/// Reads a <see cref="StudentMasteryState"/> as the contract records, as of a given time: consistency is
/// computed against that time and snapshots beyond retention are left out, whether or not they were pruned yet.
/// </summary>
public static class StudentMasteryView
{
    /// <summary>How many recommendations a <see cref="MasteryResult"/> carries.</summary>
    public const int ResultRecommendations = 5;

    public static MasteryResult Result(string studentId, StudentMasteryState state, DateTimeOffset now, MasteryOptions options)
    {
        var today = StudentMasteryState.DayOf(now);
        var components = state.CurrentComponents(today, options);
        var mastery = MasteryFormula.Score(components, options.Weights);
        return new MasteryResult(
            studentId,
            mastery,
            MasteryLevels.Classify(mastery, options.Thresholds),
            components,
            MasteryBreakdown.For(components, options),
            [.. Recommendations(state, today, options).Take(ResultRecommendations)],
            now);
    }

    public static MasteryQueryResult Query(string studentId, StudentMasteryState state, DateTimeOffset now, MasteryOptions options, LearnerModel? model = null)
    {
        var today = StudentMasteryState.DayOf(now);
        var snapshots = Retained(state, today, options);
        return new MasteryQueryResult(
            studentId,
            Result(studentId, state, now, options),
            snapshots.Count == 0 ? null : MasteryFormula.Clamp(snapshots.Average(s => s.Mastery)),
            TrendAnalyzer.Analyze(snapshots, today, options),
            WithKnowledge(Topics(state, today, options), state, now, model));
    }

    public static MasteryHistory History(string studentId, StudentMasteryState state, DateTimeOffset now, int days, MasteryOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, options.RetentionDays);
        var today = StudentMasteryState.DayOf(now);
        var snapshots = SnapshotHistory.LastDays(state.Snapshots, today, days).ToList();
        return new MasteryHistory(
            studentId,
            days,
            [.. snapshots.Select(s => Snapshot(s, options))],
            snapshots.Count == 0 ? null : MasteryFormula.Clamp(snapshots.Average(s => s.Mastery)),
            TrendAnalyzer.Analyze(state.Snapshots, today, options));
    }

    public static MasteryPrediction Prediction(string studentId, StudentMasteryState state, DateTimeOffset now, int timeframeDays, MasteryOptions options)
    {
        var today = StudentMasteryState.DayOf(now);
        var mastery = MasteryFormula.Score(state.CurrentComponents(today, options), options.Weights);
        return TrajectoryPredictor.Predict(studentId, state.Snapshots, mastery, DateOnly.FromDayNumber(today), timeframeDays, options);
    }

    public static IReadOnlyList<Recommendation> Recommendations(StudentMasteryState state, int today, MasteryOptions options) =>
        RecommendationEngine.Rank(state.CurrentComponents(today, options), Topics(state, today, options), options);

    public static IReadOnlyList<TopicMastery> Topics(StudentMasteryState state, int today, MasteryOptions options)
    {
        var topics = new TopicMastery[state.Topics.Length];
        for (var i = 0; i < topics.Length; i++)
        {
            var topic = state.Topics[i];
            var components = topic.Components(today, options.ConsistencyWindowDays);
            var mastery = MasteryFormula.Score(components, options.Weights);
            topics[i] = new TopicMastery(topic.Name, mastery, MasteryLevels.Classify(mastery, options.Thresholds), components);
        }

        return topics;
    }

    public static StudentDataExport Export(string studentId, StudentMasteryState state, DateTimeOffset now, MasteryOptions options, LearnerModel? model = null)
    {
        var today = StudentMasteryState.DayOf(now);
        return new StudentDataExport(
            studentId,
            now,
            state.HasData ? Result(studentId, state, now, options) : null,
            WithKnowledge(Topics(state, today, options), state, now, model),
            [.. Retained(state, today, options).Select(s => Snapshot(s, options))],
            [.. state.AppliedEvents.Select(e => EventFingerprint.ToHex(e.Fingerprint))],
            state.Cohorts,
            [.. state.Batches.Select(b => b.BatchId)]);
    }

    /// <summary>Adds the learner model's knowledge to the topics the student answered items of.</summary>
    public static IReadOnlyList<TopicMastery> WithKnowledge(IReadOnlyList<TopicMastery> topics, StudentMasteryState state, DateTimeOffset now, LearnerModel? model)
    {
        if (model is null)
        {
            return topics;
        }

        var known = new TopicMastery[topics.Count];
        for (var i = 0; i < known.Length; i++)
        {
            var topic = topics[i];
            var answered = state.Topics[i].Knowledge is not null;
            known[i] = answered ? topic with { Knowledge = KnowledgeSummaries.Of(topic.Topic, state.KnowledgeOf(topic.Topic, model, now)) } : topic;
        }

        return known;
    }

    /// <summary>The learner model's knowledge and decay of each topic the student answered items of, keyed by topic.</summary>
    public static IReadOnlyDictionary<string, PracticeCandidate> TopicPractice(StudentMasteryState state, DateTimeOffset now, LearnerModel model) =>
        state.Topics
            .Where(topic => topic.Knowledge is not null)
            .ToDictionary(
                topic => topic.Name,
                topic => new PracticeCandidate(topic.Name, topic.Name, state.KnowledgeOf(topic.Name, model, now).Knowledge, state.KnowledgeDecay(topic.Name, model, now)),
                StringComparer.Ordinal);

    private static List<DailySnapshot> Retained(StudentMasteryState state, int today, MasteryOptions options) =>
        [.. SnapshotHistory.Retained(state.Snapshots, today, options.RetentionDays)];

    private static MasterySnapshot Snapshot(DailySnapshot snapshot, MasteryOptions options) => new(
        DateOnly.FromDayNumber(snapshot.Day),
        snapshot.Mastery,
        MasteryLevels.Classify(snapshot.Mastery, options.Thresholds),
        snapshot.Components);
}
