using System.Diagnostics;
using System.Globalization;

namespace MasteryEngine.Testing;

/// <summary>
/// Sends a POSIX signal with kill(1): .NET only sends SIGKILL (<see cref="Process.Kill()"/>), while tests need the
/// signals a real environment sends, such as SIGTERM (Kubernetes stopping a pod) or SIGSTOP/SIGCONT (a hung server).
/// </summary>
public static class ProcessSignal
{
    /// <summary>Sends <paramref name="signal"/> (a name kill accepts: TERM, STOP, CONT) to <paramref name="process"/>.</summary>
    public static async Task SendAsync(Process process, string signal)
    {
        ArgumentNullException.ThrowIfNull(process);
        var info = new ProcessStartInfo("kill") { UseShellExecute = false, RedirectStandardError = true };
        info.ArgumentList.Add("-" + signal);
        info.ArgumentList.Add(process.Id.ToString(CultureInfo.InvariantCulture));
        using var kill = Process.Start(info) ?? throw new InvalidOperationException("kill did not start.");
        var errors = await kill.StandardError.ReadToEndAsync();
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {process.Id} failed: {errors}");
        }
    }
}
