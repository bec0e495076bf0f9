namespace MasteryEngine.ReviewAgent.Analysis;

/// <param name="ExitCode">The process's exit code; 128 + n when signal n ended it (a limit of the kernel's).</param>
public sealed record SandboxRun(SandboxRunOutcome Outcome, int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    public bool KilledBySignal => Outcome == SandboxRunOutcome.Exited && ExitCode > 128;
}
