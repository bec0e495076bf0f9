using System.Diagnostics;
using System.Globalization;
using MasteryEngine.Grains.Domain.Learning.Calibration;
using Spectre.Console;

namespace MasteryEngine.LearnerModel.Cli;

/// <summary>
/// <c>evaluate --responses FILE [--folds 5]</c>: student-level cross-validation of the learner model beside a
/// running per-skill accuracy and a plain Elo, in one run on the same folds; then the pure model's speed.
/// </summary>
public static class EvaluateCommand
{
    public const string Usage = "usage: evaluate --responses FILE [--folds 5] " + CommandArguments.FittingUsage;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, IAnsiConsole console, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!CommandArguments.TryParse(args, ["responses", "folds", .. CommandArguments.FittingOptions], out var arguments, out var error)
            || arguments.Text("responses") is not { } responses)
        {
            console.MarkupLine($"[red]{Markup.Escape(error.Length > 0 ? error : "--responses is required.")}[/]");
            console.WriteLine(Usage);
            return 2;
        }

        var options = arguments.Fitting();
        var folds = arguments.WholeNumber("folds", 5, 2);
        var log = await ResponseLogFile.ReadAsync(responses, cancellationToken);
        console.MarkupLine(
            $"{log.Rows:N0} answers, {log.StudentCount:N0} students, {log.ItemIds.Length:N0} items, {log.TopicIds.Length:N0} topics; {folds}-fold student-level cross-validation");

        Func<IKnowledgeTracer>[] tracers =
        [
            () => new LearnerModelTracer(options),
            () => new RunningSkillAccuracyTracer(),
            () => new PlainEloTracer(),
        ];
        var results = await ProgressBar.RunAsync(console, "cross-validate", progress =>
            CrossValidation.Run(log, folds, tracers, options.Seed, time, progress, cancellationToken));

        console.Write(ResultsTable(results));
        console.Write(ReliabilityTable(results[0]));

        var parameters = Calibrator.Fit(log, StudentFolds.NotIn(StudentFolds.Assign(log.StudentCount, folds, options.Seed), 0), options, null, cancellationToken);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var throughput = ModelThroughput.Measure(log, parameters, time);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

        // Measure replays the log twice (a warm-up, then the timed run): CPU time per answer is over both, so it
        // still means something when other processes share the cores and the wall clock does not.
        console.MarkupLine(
            $"pure model: {throughput.AnswersPerSecond:N0} Predict+Update per second of wall clock ({throughput.NanosecondsPerAnswer:F0} ns each; " +
            $"{cpu.TotalNanoseconds / (2.0 * throughput.Answers):F0} ns of CPU each), {throughput.BytesPerAnswer:F1} bytes allocated each, over {throughput.Answers:N0} answers");
        return 0;
    }

    private static Table ResultsTable(IReadOnlyList<TracerResult> results)
    {
        var table = new Table().AddColumns("model", "AUC", "RMSE", "log-loss", "ECE", "answers", "fit time", "replay answers/s");
        foreach (var result in results)
        {
            var metrics = result.Metrics;
            table.AddRow(
                result.Name,
                F(metrics.Auc, 4),
                F(metrics.Rmse, 4),
                F(metrics.LogLoss, 4),
                F(metrics.CalibrationError, 4),
                metrics.Count.ToString("N0", CultureInfo.InvariantCulture),
                $"{result.FitTime.TotalSeconds:F1} s",
                result.AnswersPerSecond.ToString("N0", CultureInfo.InvariantCulture));
        }

        return table;
    }

    private static Table ReliabilityTable(TracerResult result)
    {
        var table = new Table().Title($"reliability of the {result.Name}").AddColumns("predicted", "answers", "mean predicted", "observed correct");
        foreach (var bin in result.Metrics.Reliability)
        {
            table.AddRow($"{F(bin.Lower, 1)}–{F(bin.Upper, 1)}", bin.Count.ToString("N0", CultureInfo.InvariantCulture), F(bin.MeanPredicted, 3), F(bin.ObservedCorrect, 3));
        }

        return table;
    }

    private static string F(double value, int digits) => value.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
