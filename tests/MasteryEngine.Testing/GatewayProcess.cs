using System.Diagnostics;
using System.Globalization;
using System.Net;
namespace MasteryEngine.Testing;

/// <summary>
/// The gateway as production runs it: <c>dotnet MasteryEngine.Gateway.dll</c> (the build copied next to the tests,
/// or the one named) in its own process, in Production, on a free loopback port, its co-hosted silo on ports of its own. It can be stopped the way Kubernetes stops a pod
/// (SIGTERM, then waiting for the exit); disposing kills it if it still runs. Its output is kept for failure messages.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    /// <summary>Generous: the first start on a loaded 2-core machine JIT-compiles the whole app.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private const int MaxKeptOutputLines = 400;

    private readonly Process process;
    private readonly Queue<string> output = new();

    private GatewayProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>The last lines the gateway wrote (stdout and stderr), oldest first.</summary>
    public string RecentOutput
    {
        get
        {
            lock (output)
            {
                return string.Join('\n', output);
            }
        }
    }

    /// <summary>
    /// Starts the gateway with <paramref name="settings"/> as environment variables (on top of Production, a free
    /// port and no OpenTelemetry export, so nothing leaves loopback) and returns once <c>/health</c> answers 200.
    /// <paramref name="gatewayDll"/> is the build to run when it is not next to the tests.
    /// </summary>
    public static async Task<GatewayProcess> StartAsync(IReadOnlyDictionary<string, string> settings, string? gatewayDll = null)
    {
        var gateway = Launch(settings, gatewayDll);
        try
        {
            await gateway.WaitUntilHealthyAsync();
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }

        return gateway;
    }

    /// <summary>Starts the gateway with <paramref name="settings"/> and waits for it to exit by itself (a start-up that fails), up to <see cref="StartTimeout"/>.</summary>
    public static async Task<(int ExitCode, string Output)> RunUntilExitAsync(IReadOnlyDictionary<string, string> settings, string? gatewayDll = null)
    {
        await using var gateway = Launch(settings, gatewayDll);
        var exitCode = await gateway.WaitForExitAsync(StartTimeout);
        return (exitCode, gateway.RecentOutput);
    }

    private static GatewayProcess Launch(IReadOnlyDictionary<string, string> settings, string? gatewayDll)
    {
        var dll = gatewayDll ?? Path.Combine(AppContext.BaseDirectory, "MasteryEngine.Gateway.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The gateway is not built at {dll}: build the solution first.");
        }

        var port = RedisServerProcess.FreePort();
        var info = DotnetProcess.StartInfo(dll, []);
        foreach (var inherited in info.Environment.Keys.Where(IsGatewaySetting).ToList())
        {
            info.Environment.Remove(inherited);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        // Each process co-hosts a silo: ports of its own, so gateways started side by side do not collide.
        info.Environment["ORLEANS_SILO_PORT"] = RedisServerProcess.FreePort().ToString(CultureInfo.InvariantCulture);
        info.Environment["ORLEANS_GATEWAY_PORT"] = RedisServerProcess.FreePort().ToString(CultureInfo.InvariantCulture);
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        var started = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var gateway = new GatewayProcess(started, port);
        started.OutputDataReceived += (_, e) => gateway.Keep(e.Data);
        started.ErrorDataReceived += (_, e) => gateway.Keep(e.Data);
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        return gateway;
    }

    /// <summary>SIGKILL: the gateway and its silo vanish without leaving the cluster, as when a node dies.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>What the kubelet sends when the preStop hook ends: SIGTERM (Process.Kill would be SIGKILL).</summary>
    public Task SendSigtermAsync() => ProcessSignal.SendAsync(process, "TERM");

    /// <summary>Waits for the process to end and returns its exit code; throws (with its output) when it outlives <paramref name="limit"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The gateway did not exit within {limit.TotalSeconds:F0} s. Output:\n{RecentOutput}");
        }

        return process.ExitCode;
    }

    public HttpClient CreateClient(string? bearerToken = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5) })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (bearerToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", bearerToken);
        }

        return client;
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

    private static bool IsGatewaySetting(string name) =>
        name.StartsWith("OTEL_", StringComparison.Ordinal)
        || name.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
        || name.StartsWith("DOTNET_SHUTDOWN", StringComparison.Ordinal)
        || name is "DOTNET_ENVIRONMENT" or "ENVIRONMENT" or "PORT" or "STORAGE_PROVIDER" or "STREAM_PROVIDER"
        || name.StartsWith("REDIS_", StringComparison.Ordinal)
        || name.StartsWith("KAFKA_", StringComparison.Ordinal);

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Enqueue(line);
            if (output.Count > MaxKeptOutputLines)
            {
                output.Dequeue();
            }
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = CreateClient();
        client.Timeout = TimeSpan.FromSeconds(5);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The gateway exited with {process.ExitCode} while starting. Output:\n{RecentOutput}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but not answering yet.
            }

            if (deadline.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"The gateway did not answer /health within {StartTimeout.TotalSeconds:F0} s. Output:\n{RecentOutput}");
            }

            await Task.Delay(100);
        }
    }
}
