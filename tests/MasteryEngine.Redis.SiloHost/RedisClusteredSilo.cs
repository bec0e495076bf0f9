using System.Globalization;
using System.Net;
using MasteryEngine.Grains.Domain;
using MasteryEngine.Silo.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using System.Net.Sockets;

namespace MasteryEngine.Redis.SiloHost;

/// <summary>
/// A silo host of its own, joined to the others on the same Redis through <c>AddMasteryRedis</c> (Redis clustering
/// and storage), on its own loopback silo and gateway ports: several of them in one process form one cluster.
/// </summary>
public sealed class RedisClusteredSilo : IAsyncDisposable
{
    private readonly IHost host;

    private RedisClusteredSilo(IHost host, string name)
    {
        this.host = host;
        Name = name;
    }

    public string Name { get; }

    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The silo's address as grains report it (<c>RuntimeIdentity</c> starts with it).</summary>
    public string Address => host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToString();

    public static async Task<RedisClusteredSilo> StartAsync(string redisHost, string clusterId, string name)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["REDIS_HOST"] = redisHost,
            ["ORLEANS_CLUSTER_ID"] = clusterId,
        });
        builder.Services.AddOptions<MasteryOptions>();
        builder.UseOrleans(silo =>
        {
            silo.AddMasteryRedis(builder.Configuration);
            silo.ConfigureEndpoints(IPAddress.Loopback, FreePort(), FreePort());
            silo.Configure<SiloOptions>(options => options.SiloName = name);
            silo.UseSystemTextJsonGrainStorageSerializer();
        });
        var host = builder.Build();
        await host.StartAsync();
        return new RedisClusteredSilo(host, name);
    }

    /// <summary>Leaves the cluster gracefully, as on SIGTERM: its activations are deactivated and its entry marked dead.</summary>
    public async Task StopAsync() => await host.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} ({Address})");
}
