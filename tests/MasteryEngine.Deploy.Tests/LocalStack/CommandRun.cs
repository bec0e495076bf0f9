using System.Diagnostics;

namespace MasteryEngine.Deploy.Tests.LocalStack;

/// <summary>A command run to its end, as a person types it in a second shell: its exit code and what it printed.</summary>
internal sealed record CommandRun(int ExitCode, string Output, string Errors)
{
    public static async Task<CommandRun> RunAsync(
        string file, IEnumerable<string> arguments, string? input = null, IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null, TimeSpan? limit = null)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not end: {await output} {await errors}");
        }

        return new CommandRun(process.ExitCode, await output, await errors);
    }
}
