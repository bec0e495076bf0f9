using System.Diagnostics;
using MasteryEngine.Redis.SiloHost;
using MasteryEngine.Testing;

namespace MasteryEngine.Redis.Tests;

/// <summary>A silo in a process of its own (<c>MasteryEngine.Redis.SiloHost</c>) joined to the tests' cluster, so it can be killed.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process process;

    private SiloProcess(Process process, string address)
    {
        this.process = process;
        Address = address;
    }

    public string Address { get; }

    public bool HasExited => process.HasExited;

    public static async Task<SiloProcess> StartAsync(string redisHost, string clusterId, string name)
    {
        var assembly = typeof(RedisClusteredSilo).Assembly.Location;
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(assembly);
        info.Environment["REDIS_HOST"] = redisHost;
        info.Environment["ORLEANS_CLUSTER_ID"] = clusterId;
        info.Environment["SILO_NAME"] = name;
        var process = Process.Start(info) ?? throw new InvalidOperationException("the silo process did not start.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(StartTimeout);
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("ready ", StringComparison.Ordinal))
            {
                return new SiloProcess(process, line["ready ".Length..]);
            }
        }

        process.Kill();
        process.Dispose();
        throw new InvalidOperationException($"the silo process {name} exited before it was ready.");
    }

    /// <summary>SIGKILL: the silo vanishes without telling the cluster.</summary>
    public async Task KillAsync()
    {
        process.Kill();
        await process.WaitForExitAsync();
    }

    /// <summary>SIGTERM: the silo leaves the cluster gracefully and exits.</summary>
    public async Task TerminateAsync()
    {
        await ProcessSignal.SendAsync(process, "TERM");
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
