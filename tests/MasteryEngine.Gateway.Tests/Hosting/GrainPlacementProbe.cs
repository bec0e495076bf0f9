using MasteryEngine.Grains;
using MasteryEngine.Silo.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Runtime;

namespace MasteryEngine.Gateway.Tests.Hosting;

/// <summary>
/// An Orleans client of the cluster the gateway processes form on one Redis, asking the cluster's grain directory
/// which silo holds a student's activation: what an operator sees in the Orleans Dashboard, without a browser.
/// </summary>
public sealed class GrainPlacementProbe : IAsyncDisposable
{
    private readonly IHost host;

    private GrainPlacementProbe(IHost host) => this.host = host;

    public static async Task<GrainPlacementProbe> ConnectAsync(string redisHost, string clusterId)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["REDIS_HOST"] = redisHost,
            ["ORLEANS_CLUSTER_ID"] = clusterId,
        });
        builder.UseOrleansClient(client => client.AddMasteryRedisClustering(builder.Configuration));
        var host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StartAsync(timeout.Token);
        return new GrainPlacementProbe(host);
    }

    /// <summary>The silo port of the silo holding each student's activation; students without one are left out.</summary>
    public async Task<Dictionary<string, int>> SiloPortsOfAsync(IEnumerable<string> studentIds)
    {
        var grains = host.Services.GetRequiredService<IClusterClient>();
        var management = grains.GetGrain<IManagementGrain>(0);
        var placed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var studentId in studentIds)
        {
            if (await management.GetActivationAddress(grains.GetGrain<IStudentMasteryGrain>(studentId)) is { } silo)
            {
                placed[studentId] = silo.Endpoint.Port;
            }
        }

        return placed;
    }

    public async ValueTask DisposeAsync()
    {
        // The cluster just lost a silo; a graceful client stop may wait on it, so it gets a short budget.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await host.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopped as far as it could in the budget; disposing below releases the rest.
        }

        host.Dispose();
    }
}
