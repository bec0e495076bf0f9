using System.Diagnostics;
using System.Text;

namespace MasteryEngine.Testing;

/// <summary>
/// A built program of this repository (a dll next to the tests) run in its own process with the given
/// environment, its output collected; disposing kills it if it still runs.
/// </summary>
public sealed class DotnetProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private DotnetProcess(Process process) => this.process = process;

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static DotnetProcess Start(string dll, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var info = StartInfo(Path.Combine(AppContext.BaseDirectory, dll), arguments);
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var started = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var running = new DotnetProcess(started);
        started.OutputDataReceived += (_, e) => running.Keep(e.Data);
        started.ErrorDataReceived += (_, e) => running.Keep(e.Data);
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        return running;
    }

    /// <summary>
    /// How to run a built dll: with the dotnet host running the tests, in the dll's folder (so its appsettings are
    /// read), both output streams redirected.
    /// </summary>
    public static ProcessStartInfo StartInfo(string dllPath, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dllPath)!,
        };
        info.ArgumentList.Add(dllPath);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    /// <summary>Waits for the process to end by itself and returns its exit code; kills it after <paramref name="limit"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The process did not exit within {limit.TotalSeconds:0} s. Its output:\n{Output}");
        }

        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
