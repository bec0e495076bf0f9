using System.Diagnostics;
using System.Globalization;

namespace MasteryEngine.Testing;

/// <summary>
/// A real sharded Redis Cluster on loopback: three masters (<c>redis-server --cluster-enabled yes</c>) joined by
/// <c>redis-cli --cluster create</c> with no replicas, each owning a third of the 16384 slots.
/// </summary>
public sealed class RedisClusterProcess : IAsyncDisposable
{
    private RedisClusterProcess(IReadOnlyList<RedisServerProcess> masters) => Masters = masters;

    public IReadOnlyList<RedisServerProcess> Masters { get; }

    /// <summary>The value of <c>REDIS_HOST</c>: every master, comma separated.</summary>
    public string Hosts => string.Join(',', Masters.Select(master => master.HostAndPort));

    public static async Task<RedisClusterProcess> StartAsync(int masters = 3)
    {
        var servers = new List<RedisServerProcess>();
        try
        {
            for (var i = 0; i < masters; i++)
            {
                // The bus port is given, not left at port + 10000, which another process may hold (a run failed so).
                servers.Add(await RedisServerProcess.StartAsync("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "5000",
                    "--cluster-port", RedisServerProcess.FreePort().ToString(CultureInfo.InvariantCulture)));
            }

            var cluster = new RedisClusterProcess(servers);
            await cluster.CreateAsync();
            return cluster;
        }
        catch
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Runs redis-cli in cluster mode (<c>-c</c>, follows MOVED) against the first master.</summary>
    public Task<string> CliAsync(params string[] args) => Masters[0].CliAsync(["-c", .. args]);

    public async ValueTask DisposeAsync()
    {
        foreach (var master in Masters)
        {
            await master.DisposeAsync();
        }
    }

    private async Task CreateAsync()
    {
        var info = new ProcessStartInfo("redis-cli") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("--cluster");
        info.ArgumentList.Add("create");
        foreach (var master in Masters)
        {
            info.ArgumentList.Add(master.HostAndPort);
        }

        info.ArgumentList.Add("--cluster-replicas");
        info.ArgumentList.Add("0");
        info.ArgumentList.Add("--cluster-yes");
        using var cli = Process.Start(info) ?? throw new InvalidOperationException("redis-cli did not start.");
        var output = await cli.StandardOutput.ReadToEndAsync();
        await cli.WaitForExitAsync();
        if (cli.ExitCode != 0)
        {
            throw new InvalidOperationException($"redis-cli --cluster create failed: {output}");
        }

        foreach (var master in Masters)
        {
            await Eventually.UntilAsync(
                async () => (await master.CliAsync("CLUSTER", "INFO")).Contains("cluster_state:ok", StringComparison.Ordinal),
                TimeSpan.FromSeconds(30),
                $"node {master.Port.ToString(CultureInfo.InvariantCulture)} sees the cluster as ok");
        }
    }
}
