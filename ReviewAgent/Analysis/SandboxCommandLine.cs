using System.Globalization;
using MasteryEngine.ReviewAgent.Options;

namespace MasteryEngine.ReviewAgent.Analysis;

/// <summary>
/// The command line that confines one analyser run. prlimit sets the kernel limits (address space, CPU time, file
/// size, open files), which the analyser inherits; with bubblewrap the run also gets no network, its own PID, IPC
/// and UTS namespaces, an empty environment and a file system of /usr read-only, an empty /tmp and the
/// submission's directory read-only: nothing else of the host exists for it.
/// No <c>--die-with-parent</c>: its parent-death signal fires when the *thread* that started bubblewrap ends, and
/// .NET starts processes from pool threads that come and go, so healthy runs were killed. The runner kills the
/// whole tree itself on a timeout, and RLIMIT_CPU ends any run that would outlive this process.
/// </summary>
public static class SandboxCommandLine
{
    /// <summary>Where the submission's directory appears inside bubblewrap.</summary>
    public const string SandboxDirectory = "/submission";

    private const long MaxWrittenFileBytes = 1024 * 1024;
    private const int MaxOpenFiles = 256;

    public static IReadOnlyDictionary<string, string> Environment(string home) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["PATH"] = "/usr/bin:/bin",
        ["HOME"] = home,
        ["LANG"] = "C.UTF-8",
        ["PYTHONDONTWRITEBYTECODE"] = "1",
        ["PYTHONNOUSERSITE"] = "1",
        ["PYTHONHASHSEED"] = "0",
    };

    /// <returns>The program to start, its arguments, and the environment it starts with.</returns>
    public static (string FileName, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Environment) Build(
        SandboxOptions options, SandboxCommand command, string directory)
    {
        var arguments = new List<string>
        {
            $"--as={options.MemoryBytes.ToString(CultureInfo.InvariantCulture)}",
            $"--cpu={options.CpuSeconds.ToString(CultureInfo.InvariantCulture)}",
            $"--fsize={MaxWrittenFileBytes.ToString(CultureInfo.InvariantCulture)}",
            $"--nofile={MaxOpenFiles.ToString(CultureInfo.InvariantCulture)}",
            "--",
        };
        if (options.Isolation == SandboxIsolation.LimitsOnly)
        {
            arguments.Add(command.Executable);
            arguments.AddRange(command.Arguments);
            return (options.PrlimitPath, arguments, Environment(directory));
        }

        arguments.Add(options.BubblewrapPath);
        arguments.AddRange(
        [
            "--unshare-all", "--new-session", "--clearenv",
            "--ro-bind", "/usr", "/usr",
            "--symlink", "usr/lib", "/lib",
            "--symlink", "usr/lib64", "/lib64",
            "--symlink", "usr/bin", "/bin",
            "--proc", "/proc",
            "--dev", "/dev",
            "--tmpfs", "/tmp",
            "--ro-bind", directory, SandboxDirectory,
            "--chdir", SandboxDirectory,
        ]);
        foreach (var (name, value) in Environment("/tmp"))
        {
            arguments.AddRange(["--setenv", name, value]);
        }

        arguments.Add("--");
        arguments.Add(command.Executable);
        arguments.AddRange(command.Arguments);
        return (options.PrlimitPath, arguments, new Dictionary<string, string>(StringComparer.Ordinal) { ["PATH"] = "/usr/bin:/bin" });
    }
}
