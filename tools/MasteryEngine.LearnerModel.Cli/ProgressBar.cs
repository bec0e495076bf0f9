using Spectre.Console;

namespace MasteryEngine.LearnerModel.Cli;

/// <summary>Runs CPU-bound work off the console thread while a Spectre.Console progress bar follows its reports.</summary>
public static class ProgressBar
{
    public static Task<T> RunAsync<T>(IAnsiConsole console, string description, Func<IProgress<double>, T> work) =>
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(description, maxValue: 1);
                var progress = new Progress<double>(value => task.Value = value);
                var result = await Task.Run(() => work(progress));
                task.Value = 1;
                return result;
            });
}
