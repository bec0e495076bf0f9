using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using MasteryEngine.Testing;

namespace MasteryEngine.Deploy.Tests.LocalStack;

/// <summary>
/// One run of <c>scripts/local-stack.sh</c> as a developer starts it, on free loopback ports, with its logs and the
/// broker's address file in directories of its own, running the build the tests were built with (no build of its own).
/// Disposing kills whatever of it still runs.
/// </summary>
internal sealed class LocalStackRun : IAsyncDisposable
{
    public const string Banner = "ready.";

    private readonly Process script;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();
    private readonly DirectoryInfo stackDirectory;
    private readonly DirectoryInfo runtimeDirectory;

    private LocalStackRun(Process script, int gatewayPort, DirectoryInfo stackDirectory, DirectoryInfo runtimeDirectory)
    {
        this.script = script;
        GatewayPort = gatewayPort;
        this.stackDirectory = stackDirectory;
        this.runtimeDirectory = runtimeDirectory;
    }

    /// <summary>Debug or Release: the build of the repository's programs that these tests belong to.</summary>
    public static string BuildConfiguration { get; } =
        typeof(LocalStackRun).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public int GatewayPort { get; }

    public Uri GatewayAddress => new($"http://127.0.0.1:{GatewayPort}");

    /// <summary>The address the dev broker leaves in <c>$XDG_RUNTIME_DIR/mastery-engine/kafka-broker</c>, as the README reads it.</summary>
    public string BrokerAddress => File.ReadAllText(Path.Combine(runtimeDirectory.FullName, "mastery-engine", "kafka-broker")).Trim();

    public string Output => Read(stdout);

    public IReadOnlyList<string> ErrorLines => Read(stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private bool ShowedBanner => Output.Split('\n').Any(line => line.TrimEnd() == Banner);

    public static LocalStackRun Start()
    {
        var stackDirectory = Directory.CreateTempSubdirectory("local-stack-run");
        var runtimeDirectory = Directory.CreateTempSubdirectory("local-stack-xdg");
        var info = new ProcessStartInfo("bash", [RepositoryFiles.PathOf("scripts", "local-stack.sh")])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var gatewayPort = FreePort();
        info.Environment["GATEWAY_PORT"] = gatewayPort.ToString(CultureInfo.InvariantCulture);
        foreach (var setting in new[] { "REDIS_PORT", "GATEWAY_SILO_PORT", "GATEWAY_SILO_GATEWAY_PORT", "SILO_PORT", "SILO_GATEWAY_PORT" })
        {
            info.Environment[setting] = FreePort().ToString(CultureInfo.InvariantCulture);
        }

        info.Environment["BUILD_CONFIGURATION"] = BuildConfiguration;
        info.Environment["SKIP_BUILD"] = "1";
        info.Environment["STACK_DIR"] = stackDirectory.FullName;
        info.Environment["XDG_RUNTIME_DIR"] = runtimeDirectory.FullName;
        info.Environment.Remove("JWT_SECRET");

        var script = Process.Start(info) ?? throw new InvalidOperationException("bash did not start.");
        var run = new LocalStackRun(script, gatewayPort, stackDirectory, runtimeDirectory);
        script.OutputDataReceived += (_, e) => Keep(run.stdout, e.Data);
        script.ErrorDataReceived += (_, e) => Keep(run.stderr, e.Data);
        script.BeginOutputReadLine();
        script.BeginErrorReadLine();
        return run;
    }

    /// <summary>Waits for the banner line; fails with what the script and its members said when it ends first.</summary>
    public async Task WaitForBannerAsync(TimeSpan limit)
    {
        try
        {
            await Eventually.UntilAsync(() => ShowedBanner || script.HasExited, limit, "the local stack printed its banner or ended");
        }
        catch (TimeoutException)
        {
        }

        if (!ShowedBanner)
        {
            throw new InvalidOperationException($"No banner. Output:\n{Output}\nErrors:\n{string.Join('\n', ErrorLines)}\n{Logs()}");
        }
    }

    /// <summary>The processes the script started (its children): redis-server, the broker, the two silos.</summary>
    public IReadOnlyList<int> MemberProcessIds() =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name is { Length: > 0 } && name.All(char.IsAsciiDigit))
            .Select(name => int.Parse(name!, CultureInfo.InvariantCulture))
            .Where(pid => ParentOf(pid) == script.Id)];

    /// <summary>The command line of a running process, empty once it is gone.</summary>
    public static string CommandLineOf(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }

    public Task SignalAsync(string signal) => ProcessSignal.SendAsync(script, signal);

    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        await script.WaitForExitAsync(timeout.Token);
        return script.ExitCode;
    }

    /// <summary>The tail of each member's log, for a failure message.</summary>
    public string Logs() => string.Join('\n', stackDirectory.EnumerateFiles("*.log").Select(log =>
        $"--- {log.Name}\n{string.Join('\n', File.ReadLines(log.FullName).TakeLast(15))}"));

    public async ValueTask DisposeAsync()
    {
        if (!script.HasExited)
        {
            script.Kill(entireProcessTree: true);
            await script.WaitForExitAsync();
        }

        script.Dispose();
        stackDirectory.Delete(recursive: true);
        runtimeDirectory.Delete(recursive: true);
    }

    private static int? ParentOf(int pid)
    {
        try
        {
            // The command name in parentheses may hold spaces: the fields after its closing parenthesis are fixed.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Keep(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.AppendLine(line);
        }
    }

    private static string Read(StringBuilder builder)
    {
        lock (builder)
        {
            return builder.ToString();
        }
    }
}
