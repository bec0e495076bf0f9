using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;
using MasteryEngine.Testing;

namespace MasteryEngine.ReviewAgent.Tests.EndToEnd;

/// <summary>The real Mastery Engine gateway (its built dll, in its own output directory) in Production on a free loopback port.</summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly List<string> output = [];

    private GatewayProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<GatewayProcess> StartAsync(string jwtSecret)
    {
        var dll = typeof(GatewayProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "GatewayDll").Value!;
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The gateway is not built at {dll}: build the solution first.");
        }

        var port = RedisServerProcess.FreePort().ToString(CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        foreach (var inherited in start.Environment.Keys.Where(key => key.StartsWith("OTEL_", StringComparison.Ordinal) || key.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
                     || key.StartsWith("KAFKA_", StringComparison.Ordinal) || key.StartsWith("REDIS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["JWT_SECRET"] = jwtSecret;
        start.Environment["RATE_LIMIT_ENABLED"] = "false";
        start.Environment["LOG_LEVEL"] = "WARNING";
        var gateway = new GatewayProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        gateway.process.OutputDataReceived += (_, e) => gateway.Keep(e.Data);
        gateway.process.ErrorDataReceived += (_, e) => gateway.Keep(e.Data);
        gateway.process.BeginOutputReadLine();
        gateway.process.BeginErrorReadLine();
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

    public HttpClient CreateClient(string token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
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

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.Add(line);
            }
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                break;
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        lock (output)
        {
            throw new InvalidOperationException("The gateway did not become healthy. Output:\n" + string.Join('\n', output));
        }
    }
}
