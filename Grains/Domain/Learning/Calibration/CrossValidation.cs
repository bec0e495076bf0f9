namespace MasteryEngine.Grains.Domain.Learning.Calibration;

/// <summary>
/// Student-level cross-validation: each fold's students are held out, every model is fitted on the others, then
/// replays each held-out student predicting every answer before learning from it. Metrics are over all held-out
/// predictions of all folds, so every answer of the log is predicted exactly once per model.
/// </summary>
public static class CrossValidation
{
    public static IReadOnlyList<TracerResult> Run(
        ResponseLog log,
        int folds,
        IReadOnlyList<Func<IKnowledgeTracer>> tracers,
        int seed,
        TimeProvider time,
        IProgress<double>? progress,
        CancellationToken cancellationToken)
    {
        var assignment = StudentFolds.Assign(log.StudentCount, folds, seed);
        var predictions = new double[tracers.Count][];
        var fitTimes = new TimeSpan[tracers.Count];
        var replayTimes = new TimeSpan[tracers.Count];
        var names = new string[tracers.Count];
        for (var t = 0; t < tracers.Count; t++)
        {
            predictions[t] = new double[log.Rows];
        }

        for (var fold = 0; fold < folds; fold++)
        {
            var train = StudentFolds.NotIn(assignment, fold);
            var test = StudentFolds.In(assignment, fold);
            for (var t = 0; t < tracers.Count; t++)
            {
                var tracer = tracers[t]();
                names[t] = tracer.Name;
                var started = time.GetTimestamp();
                tracer.Fit(log, train, cancellationToken);
                fitTimes[t] += time.GetElapsedTime(started);
                started = time.GetTimestamp();
                Replay(log, tracer, test, predictions[t], cancellationToken);
                replayTimes[t] += time.GetElapsedTime(started);
                progress?.Report((fold + (t + 1.0) / tracers.Count) / folds);
            }
        }

        var results = new TracerResult[tracers.Count];
        for (var t = 0; t < tracers.Count; t++)
        {
            results[t] = new TracerResult(names[t], PredictionMetrics.Of(predictions[t], log.Scores), fitTimes[t], replayTimes[t]);
        }

        return results;
    }

    /// <summary>Predicts the held-out students' answers in order, each before it is learned from.</summary>
    public static void Replay(ResponseLog log, IKnowledgeTracer tracer, ReadOnlySpan<int> students, double[] predictions, CancellationToken cancellationToken)
    {
        foreach (var student in students)
        {
            cancellationToken.ThrowIfCancellationRequested();
            tracer.BeginStudent();
            for (var row = log.StudentStarts[student]; row < log.StudentStarts[student + 1]; row++)
            {
                predictions[row] = tracer.PredictThenLearn(log, row);
            }
        }
    }
}
