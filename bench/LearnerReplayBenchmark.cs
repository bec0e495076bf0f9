using System.Diagnostics;
using MasteryEngine.Grains.Domain.Learning;
using MasteryEngine.Grains.Domain.Learning.Calibration;

namespace MasteryEngine.Bench;

/// <summary>
/// A rehearsal of the held-out replay: splits a response log by students (one fold of
/// <c>--folds</c> held out, as <c>calibrate</c> splits), calibrates on the rest, then predicts the held-out students
/// twice, offline (the pure model replaying them one after the other, as <c>evaluate</c> does) and online
/// (a gateway started with the fitted <c>LEARNER_MODEL_PARAMETERS</c>, the students replayed through
/// <c>POST /mastery/ingest?wait=true</c>, in order per student, students in parallel), and prints both AUCs side
/// by side. <code>dotnet run -c Release --project bench -- learner-replay --responses FILE [--folds 5]
/// [--concurrency 32] [--seed 17] [--parameters-out params.json]</code>
/// </summary>
public static class LearnerReplayBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var responses = BenchArguments.Text(args, "--responses", "");
        if (responses.Length == 0)
        {
            Console.Error.WriteLine("learner-replay needs --responses FILE (a TSV or CSV response log).");
            return 2;
        }

        var folds = BenchArguments.Count(args, "--folds", 5);
        var concurrency = BenchArguments.Count(args, "--concurrency", 32);
        var seed = BenchArguments.Count(args, "--seed", 17);
        var parametersFile = BenchArguments.Text(args, "--parameters-out", Path.Combine(Path.GetTempPath(), $"learner-replay-{Guid.NewGuid():N}.json"));
        ResponseLog log;
        using (var reader = new StreamReader(responses))
        {
            log = await ResponseLogReader.ReadAsync(reader, CancellationToken.None);
        }

        var assignment = StudentFolds.Assign(log.StudentCount, folds, seed);
        var train = StudentFolds.NotIn(assignment, 0);
        var heldOut = StudentFolds.In(assignment, 0);
        var fitting = Stopwatch.StartNew();
        var parameters = Calibrator.Fit(log, train, new CalibrationOptions(Seed: seed), progress: null, CancellationToken.None);
        fitting.Stop();
        await using (var file = File.Create(parametersFile))
        {
            await parameters.SaveAsync(file, CancellationToken.None);
        }

        var heldOutRows = heldOut.Select(s => (Start: log.StudentStarts[s], End: log.StudentStarts[s + 1])).ToList();
        Console.WriteLine($"learner replay of {Path.GetFileName(responses)}: {log.Rows:N0} rows, {log.StudentCount:N0} students; " +
            $"calibrated on {train.Length:N0} students in {fitting.Elapsed.TotalSeconds:F1} s, held out {heldOut.Length:N0} students " +
            $"({heldOutRows.Sum(r => r.End - r.Start):N0} answers); parameters in {parametersFile}");

        var offline = Offline(log, heldOut, parameters);
        Console.WriteLine($"  offline (pure model, students one after the other): {Describe(offline)}");

        var online = await HttpAnswerReplay.RunAsync(log, heldOutRows, concurrency, parametersFile);
        var metrics = PredictionMetrics.Of(online.Predicted, online.Observed);
        Console.WriteLine($"  online (HTTP ingest?wait=true, concurrency {concurrency}): {Describe(metrics)}; failures {online.Failures}{(online.Failures > 0 ? " (" + online.FailureKinds + ")" : "")}");
        Console.WriteLine($"  {online.Latency}");
        Console.WriteLine($"  online − offline AUC: {metrics.Auc - offline.Auc:+0.0000;-0.0000}");
        return online.Failures == 0 ? 0 : 1;
    }

    private static PredictionMetrics Offline(ResponseLog log, int[] heldOut, LearnerModelParameters parameters)
    {
        var predictions = new double[log.Rows];
        CrossValidation.Replay(log, new LearnerModelTracer(parameters), heldOut, predictions, CancellationToken.None);
        var rows = heldOut.SelectMany(s => Enumerable.Range(log.StudentStarts[s], log.StudentStarts[s + 1] - log.StudentStarts[s])).ToArray();
        return PredictionMetrics.Of(rows.Select(r => predictions[r]).ToArray(), rows.Select(r => log.Scores[r]).ToArray());
    }

    private static string Describe(PredictionMetrics metrics) =>
        $"AUC {metrics.Auc:F4}, RMSE {metrics.Rmse:F4}, log-loss {metrics.LogLoss:F4}, ECE {metrics.CalibrationError:F4}";
}
