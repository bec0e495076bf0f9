namespace MasteryEngine.ReviewAgent.Options;

/// <summary>Limits of every analyser run (section <c>Sandbox</c>).</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    public SandboxIsolation Isolation { get; set; } = SandboxIsolation.Bubblewrap;

    public string BubblewrapPath { get; set; } = "/usr/bin/bwrap";

    public string PrlimitPath { get; set; } = "/usr/bin/prlimit";

    /// <summary>
    /// Wall-clock limit of one run, counted from its start (not while it waits for a slot). A backstop, well above
    /// the CPU limit: on a loaded machine a healthy pylint run can take 20 s of wall time, and a wall-clock refusal
    /// would make the same code's outcome depend on the load.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>CPU-time limit (RLIMIT_CPU): the kernel stops a run that computes longer.</summary>
    public int CpuSeconds { get; set; } = 15;

    /// <summary>Address-space limit (RLIMIT_AS) of each run.</summary>
    public long MemoryBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Output read from a run; one that writes more is stopped.</summary>
    public int MaxOutputBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Analyser processes running at once in this process; more wait for a slot.</summary>
    public int MaxConcurrentRuns { get; set; } = 4;

    /// <summary>How long a run may wait for a slot before the assessment is refused with 503.</summary>
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public string PylintPath { get; set; } = "/usr/bin/pylint";

    public string PyflakesPath { get; set; } = "/usr/bin/pyflakes3";

    public string PycodestylePath { get; set; } = "/usr/bin/pycodestyle";

    public string RadonPath { get; set; } = "/usr/bin/radon";
}
