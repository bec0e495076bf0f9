using MasteryEngine.Grains.Domain.Learning.Calibration;
using Spectre.Console;

namespace MasteryEngine.LearnerModel.Cli;

/// <summary>
/// The learner model's commands, <c>calibrate</c> and <c>evaluate</c>: run by this tool and, through
/// <c>dotnet run --project Gateway -- calibrate ...</c>, by the gateway.
/// </summary>
public static class LearnerModelCommands
{
    public static bool IsInvoked(IReadOnlyList<string> args) => args is ["calibrate", ..] or ["evaluate", ..];

    public static async Task<int> RunAsync(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 132);

        try
        {
            return args switch
            {
                ["calibrate", .. var rest] => await CalibrateCommand.RunAsync(rest, AnsiConsole.Console, TimeProvider.System, cancellation.Token),
                ["evaluate", .. var rest] => await EvaluateCommand.RunAsync(rest, AnsiConsole.Console, TimeProvider.System, cancellation.Token),
                _ => Usage(),
            };
        }
        catch (Exception exception) when (exception is ArgumentException or IOException or UnauthorizedAccessException or ResponseLogFormatException)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(exception.Message)}[/]");
            return 1;
        }
    }

    private static int Usage()
    {
        Console.Error.WriteLine(CalibrateCommand.Usage);
        Console.Error.WriteLine(EvaluateCommand.Usage);
        return 2;
    }
}
