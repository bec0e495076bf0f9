using System.Globalization;
using MasteryEngine.Grains.Domain.Learning;
using MasteryEngine.Grains.Domain.Learning.Calibration;
using Spectre.Console;

namespace MasteryEngine.LearnerModel.Cli;

/// <summary>
/// <c>calibrate --responses FILE --out params.json</c>: fits the learner model to a response log and writes the
/// parameter file the service loads from <c>LEARNER_MODEL_PARAMETERS</c>. It first fits on 80% of the students
/// and reports the AUC on the other 20% (students it never saw), then fits on all of them for the file.
/// </summary>
public static class CalibrateCommand
{
    public const string Usage = "usage: calibrate --responses FILE --out params.json " + CommandArguments.FittingUsage;

    private const int HeldOutFolds = 5;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, IAnsiConsole console, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!CommandArguments.TryParse(args, ["responses", "out", .. CommandArguments.FittingOptions], out var arguments, out var error)
            || arguments.Text("responses") is not { } responses || arguments.Text("out") is not { } output)
        {
            console.MarkupLine($"[red]{Markup.Escape(error.Length > 0 ? error : "--responses and --out are required.")}[/]");
            console.WriteLine(Usage);
            return 2;
        }

        var options = arguments.Fitting();
        var log = await ResponseLogFile.ReadAsync(responses, cancellationToken);
        var folds = StudentFolds.Assign(log.StudentCount, HeldOutFolds, options.Seed);
        var train = StudentFolds.NotIn(folds, 0);
        var heldOut = StudentFolds.In(folds, 0);

        var heldOutAuc = await ProgressBar.RunAsync(console, "fit on 80% of students", progress =>
        {
            var split = Calibrator.Fit(log, train, options, progress, cancellationToken);
            var tracer = new LearnerModelTracer(split);
            var predictions = new double[log.Rows];
            CrossValidation.Replay(log, tracer, heldOut, predictions, cancellationToken);
            return HeldOutAuc(log, heldOut, predictions);
        });

        var started = time.GetTimestamp();
        var all = Enumerable.Range(0, log.StudentCount).ToArray();
        var parameters = await ProgressBar.RunAsync(console, "fit on all students", progress =>
            Calibrator.Fit(log, all, options, progress, cancellationToken));
        var fitTime = time.GetElapsedTime(started);

        await using (var file = File.Create(output))
        {
            await parameters.SaveAsync(file, cancellationToken);
        }

        var summary = new Table().AddColumns("rows", "students", "items", "topics", "fit time", "held-out AUC (20% of students)");
        summary.AddRow(
            log.Rows.ToString("N0", CultureInfo.InvariantCulture),
            log.StudentCount.ToString("N0", CultureInfo.InvariantCulture),
            log.ItemIds.Length.ToString("N0", CultureInfo.InvariantCulture),
            log.TopicIds.Length.ToString("N0", CultureInfo.InvariantCulture),
            $"{fitTime.TotalSeconds:F1} s",
            heldOutAuc.ToString("F4", CultureInfo.InvariantCulture));
        console.Write(summary);
        console.MarkupLine($"wrote [bold]{Markup.Escape(output)}[/]");
        return 0;
    }

    private static double HeldOutAuc(ResponseLog log, int[] heldOut, double[] predictions)
    {
        var predicted = new List<double>();
        var observed = new List<double>();
        foreach (var student in heldOut)
        {
            for (var row = log.StudentStarts[student]; row < log.StudentStarts[student + 1]; row++)
            {
                predicted.Add(predictions[row]);
                observed.Add(log.Scores[row]);
            }
        }

        return PredictionMetrics.AreaUnderCurve(predicted.ToArray(), observed.ToArray());
    }
}
