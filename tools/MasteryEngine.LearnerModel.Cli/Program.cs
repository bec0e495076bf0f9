using MasteryEngine.LearnerModel.Cli;
using Spectre.Console;

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
catch (Exception exception) when (exception is ArgumentException or IOException or UnauthorizedAccessException or MasteryEngine.Grains.Domain.Learning.Calibration.ResponseLogFormatException)
{
    AnsiConsole.MarkupLine($"[red]{Markup.Escape(exception.Message)}[/]");
    return 1;
}

static int Usage()
{
    Console.Error.WriteLine(CalibrateCommand.Usage);
    Console.Error.WriteLine(EvaluateCommand.Usage);
    return 2;
}
