using System.Diagnostics;
using System.Text;
using MasteryEngine.ReviewAgent.Options;
using Microsoft.Extensions.Options;

namespace MasteryEngine.ReviewAgent.Analysis;

/// <summary>
/// Runs analyser processes inside <see cref="SandboxCommandLine"/>'s confinement, at most
/// <see cref="SandboxOptions.MaxConcurrentRuns"/> at once. A run that outlives its time limit or writes more than
/// the output limit is killed with its whole process tree (prlimit's exec'd bubblewrap and everything inside it).
/// </summary>
public sealed class SandboxedProcessRunner : IDisposable
{
    private const int ReadBufferChars = 8192;

    private readonly SandboxOptions options;
    private readonly SemaphoreSlim slots;
    private readonly TimeProvider time;

    public SandboxedProcessRunner(IOptions<SandboxOptions> options, TimeProvider time)
    {
        this.options = options.Value;
        this.time = time;
        slots = new SemaphoreSlim(this.options.MaxConcurrentRuns, this.options.MaxConcurrentRuns);
    }

    /// <summary>Runs now waiting for a slot (for the metrics).</summary>
    public int Waiting => Volatile.Read(ref waiting);

    private int waiting;

    public async Task<SandboxRun> RunAsync(SandboxCommand command, string directory, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref waiting);
        bool entered;
        try
        {
            entered = await slots.WaitAsync(options.QueueTimeout, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }

        if (!entered)
        {
            throw new AnalysisBusyException(options.QueueTimeout);
        }

        try
        {
            return await RunConfinedAsync(command, directory, cancellationToken);
        }
        finally
        {
            slots.Release();
        }
    }

    public void Dispose() => slots.Dispose();

    private async Task<SandboxRun> RunConfinedAsync(SandboxCommand command, string directory, CancellationToken cancellationToken)
    {
        var (fileName, arguments, environment) = SandboxCommandLine.Build(options, command, directory);
        var start = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var started = time.GetTimestamp();
        using var process = Process.Start(start) ?? throw new AnalysisFailedException(AnalysisFailureReason.AnalyserFailed, $"{command.Tool} did not start.");
        process.StandardInput.Close();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(options.Timeout);
        var stdout = ReadBoundedAsync(process.StandardOutput, limit);
        var stderr = ReadBoundedAsync(process.StandardError, limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
            var (output, outputTooLarge) = await stdout;
            var (errors, errorsTooLarge) = await stderr;
            var outcome = outputTooLarge || errorsTooLarge ? SandboxRunOutcome.OutputTooLarge : SandboxRunOutcome.Exited;
            return new SandboxRun(outcome, process.ExitCode, output, errors, time.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill(process);
            await process.WaitForExitAsync(CancellationToken.None);
            var tooLarge = (await stdout).TooLarge || (await stderr).TooLarge;
            return new SandboxRun(tooLarge ? SandboxRunOutcome.OutputTooLarge : SandboxRunOutcome.TimedOut, -1, "", "", time.GetElapsedTime(started));
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }
    }

    /// <summary>Reads a stream to its end, or until it passed the output limit: then it cancels the run.</summary>
    private async Task<(string Text, bool TooLarge)> ReadBoundedAsync(StreamReader reader, CancellationTokenSource run)
    {
        var text = new StringBuilder();
        var buffer = new char[ReadBufferChars];
        try
        {
            int read;
            while ((read = await reader.ReadAsync(buffer, run.Token)) > 0)
            {
                text.Append(buffer, 0, read);
                if (text.Length > options.MaxOutputBytes)
                {
                    await run.CancelAsync();
                    return ("", true);
                }
            }
        }
        catch (OperationCanceledException)
        {
            return ("", false);
        }

        return (text.ToString(), false);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the timeout and the kill.
        }
    }
}
