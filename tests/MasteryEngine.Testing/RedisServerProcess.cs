using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MasteryEngine.Testing;

/// <summary>
/// A real redis-server on a free loopback port, owned by one test or fixture: no persistence unless asked,
/// its own working directory, killed (and the directory removed) on dispose. <see cref="KillAsync"/> and
/// <see cref="RestartAsync"/> simulate an outage on the same port.
/// </summary>
public sealed class RedisServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly string[] arguments;
    private Process? process;

    private RedisServerProcess(int port, string directory, string[] arguments)
    {
        Port = port;
        Directory = directory;
        this.arguments = arguments;
    }

    public int Port { get; }

    /// <summary>The server's working directory (where an append-only file goes).</summary>
    public string Directory { get; }

    /// <summary><c>127.0.0.1:port</c>, the value of <c>REDIS_HOST</c>.</summary>
    public string HostAndPort => $"127.0.0.1:{Port}";

    public bool IsRunning => process is { HasExited: false };

    private Process RunningProcess => process ?? throw new InvalidOperationException($"redis-server on port {Port} is not running.");

    /// <summary>Starts a server; <paramref name="extraArguments"/> are appended (later ones win), e.g. <c>--appendonly yes</c>.</summary>
    public static async Task<RedisServerProcess> StartAsync(params string[] extraArguments)
    {
        var directory = Path.Combine(Path.GetTempPath(), "me-redis-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var server = new RedisServerProcess(FreePort(), directory, extraArguments);
        await server.LaunchAsync();
        return server;
    }

    /// <summary>Ends the server abruptly (SIGKILL), as a crash would.</summary>
    public async Task KillAsync()
    {
        if (process is { } running)
        {
            if (!running.HasExited)
            {
                running.Kill(entireProcessTree: true);
            }

            await running.WaitForExitAsync();
            running.Dispose();
            process = null;
        }
    }

    /// <summary>Suspends the server (SIGSTOP): connections stay open and nothing is answered, as with a hung server.</summary>
    public Task FreezeAsync() => ProcessSignal.SendAsync(RunningProcess, "STOP");

    /// <summary>Resumes a frozen server (SIGCONT); it then answers what was sent meanwhile.</summary>
    public Task ThawAsync() => ProcessSignal.SendAsync(RunningProcess, "CONT");

    /// <summary>Starts the server again on the same port and directory (it reloads its append-only file if any).</summary>
    public async Task RestartAsync()
    {
        await KillAsync();
        await LaunchAsync();
    }

    /// <summary>Runs redis-cli against this server and returns its output, for checks independent of our client.</summary>
    public async Task<string> CliAsync(params string[] args)
    {
        var info = new ProcessStartInfo("redis-cli") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Concat(args))
        {
            info.ArgumentList.Add(argument);
        }

        using var cli = Process.Start(info) ?? throw new InvalidOperationException("redis-cli did not start.");
        var output = await cli.StandardOutput.ReadToEndAsync();
        await cli.WaitForExitAsync();
        return output.TrimEnd('\n');
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still being closed by the dying server: the temp directory is left for the OS to clean.
        }
    }

    private async Task LaunchAsync()
    {
        var info = new ProcessStartInfo("redis-server")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Directory,
        };
        string[] defaults = ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", "--dir", Directory, "--daemonize", "no", "--protected-mode", "no"];
        foreach (var argument in defaults.Concat(arguments))
        {
            info.ArgumentList.Add(argument);
        }

        var started = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start.");
        var output = new StringBuilder();
        started.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        started.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        process = started;

        var deadline = Stopwatch.StartNew();
        while (!await AnswersPingAsync())
        {
            if (started.HasExited || deadline.Elapsed > StartTimeout)
            {
                await KillAsync();
                string log;
                lock (output)
                {
                    log = output.ToString();
                }

                throw new InvalidOperationException($"redis-server on port {Port} did not come up: {log}");
            }

            await Task.Delay(50);
        }
    }

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer);
            // A server still loading its append-only file answers -LOADING; a password-protected one -NOAUTH.
            var reply = Encoding.ASCII.GetString(buffer, 0, read);
            return reply.StartsWith("+PONG", StringComparison.Ordinal) || reply.StartsWith("-NOAUTH", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
