using System.Net;
using System.Text.Json;
using MasteryEngine.Gateway.Tests.Hosting;
using MasteryEngine.Gateway.Tests.Infrastructure;
using MasteryEngine.Testing;

namespace MasteryEngine.Gateway.Tests.MultiGateway;

/// <summary>
/// Three real gateway processes (<c>dotnet MasteryEngine.Gateway.dll</c> in Production, <c>STORAGE_PROVIDER=redis</c>,
/// ports of their own, one cluster id) on one durable redis-server, shared by the tests of
/// <see cref="ThreeGatewayCollection"/>. Tests that kill or terminate a gateway start a fourth one for it
/// (<see cref="StartGatewayAsync"/>), so the three stay up for the next test.
/// </summary>
public sealed class ThreeGatewayFixture : IAsyncLifetime
{
    private readonly List<GatewayProcess> gateways = [];
    private readonly List<HttpClient> admins = [];

    public string ClusterId { get; } = "gateways-" + Guid.NewGuid().ToString("N")[..8];

    public RedisServerProcess Redis { get; private set; } = null!;

    public IReadOnlyList<GatewayProcess> Gateways => gateways;

    /// <summary>An admin client per gateway of <see cref="Gateways"/>, in the same order.</summary>
    public IReadOnlyList<HttpClient> Admins => admins;

    public async Task InitializeAsync()
    {
        Redis = await RedisServerProcess.StartAsync("--appendonly", "yes", "--appendfsync", "always");
        // One after the other: the first creates the membership table, and three JIT-heavy starts at once on two
        // cores take as long as three in a row.
        for (var i = 1; i <= 3; i++)
        {
            var gateway = await StartGatewayAsync($"gateway-{i}");
            gateways.Add(gateway);
            admins.Add(AdminClient(gateway));
        }
    }

    /// <summary>Starts a gateway joined to this cluster, named <paramref name="name"/> (its <c>POD_NAME</c>), once its silo is active in the membership table.</summary>
    public async Task<GatewayProcess> StartGatewayAsync(string name)
    {
        var settings = ProductionGatewaySettings.Create();
        settings["STORAGE_PROVIDER"] = "redis";
        settings["REDIS_HOST"] = Redis.HostAndPort;
        settings["ORLEANS_CLUSTER_ID"] = ClusterId;
        settings["POD_NAME"] = name;
        var gateway = await GatewayProcess.StartAsync(settings);
        try
        {
            await Eventually.UntilAsync(async () => (await ActiveSilosAsync()).Contains(name), TimeSpan.FromSeconds(60), $"{name} active in the membership table");
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }

        return gateway;
    }

    /// <summary>The names of the silos the membership table lists as active.</summary>
    public async Task<IReadOnlyList<string>> ActiveSilosAsync()
    {
        var fields = (await Redis.CliAsync("HGETALL", $"mastery-engine/members/{ClusterId}")).Split('\n');
        var active = new List<string>();
        for (var i = 1; i < fields.Length; i += 2)
        {
            if (fields[i - 1] == "Version" || fields[i].Length == 0 || fields[i][0] != '{')
            {
                continue;
            }

            using var entry = JsonDocument.Parse(fields[i]);
            if (entry.RootElement.GetProperty("Status").ToString() is "Active" or "3")
            {
                active.Add(entry.RootElement.GetProperty("SiloName").GetString()!);
            }
        }

        return active;
    }

    public static HttpClient AdminClient(GatewayProcess gateway) => gateway.CreateClient(ProductionGatewaySettings.AdminToken());

    /// <summary>Where <paramref name="studentId"/>'s grain is active, asked through <paramref name="admin"/>'s gateway.</summary>
    public static async Task<(string Silo, string ActivationId, string ServedBy)> LocateAsync(HttpClient admin, string studentId)
    {
        using var response = await admin.GetAsync(new Uri($"/api/v1/mastery/activation/{studentId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = (await HttpJson.ReadAsync(response)).GetProperty("data");
        return (data.GetProperty("silo").GetString()!, data.GetProperty("activation_id").GetString()!, response.Headers.GetValues("X-Served-By").Single());
    }

    /// <summary>The student's state as stored in Redis (<c>HGET student:{id}:state data</c>), read with redis-cli.</summary>
    public async Task<JsonElement> StoredStateAsync(string studentId)
    {
        using var stored = JsonDocument.Parse(await Redis.CliAsync("HGET", $"student:{{{studentId}}}:state", "data"));
        return stored.RootElement.Clone();
    }

    public async Task DisposeAsync()
    {
        foreach (var admin in admins)
        {
            admin.Dispose();
        }

        foreach (var gateway in gateways)
        {
            await gateway.DisposeAsync();
        }

        if (Redis is not null)
        {
            await Redis.DisposeAsync();
        }
    }
}
