using System.Globalization;
using MasteryEngine.Silo.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;

namespace MasteryEngine.Client;

public static class MasteryEngineClientExtensions
{
    /// <summary>
    /// Connects this host to the Mastery Engine's Orleans cluster, so the service can call
    /// <c>IStudentMasteryGrain</c> and the other grains through the registered <see cref="IClusterClient"/>. The
    /// grain contracts carry their own serializers (Grains.Interfaces is built with Orleans' code generator), so the
    /// client needs no other serialization setup. With <c>STORAGE_PROVIDER=redis</c> (as the silos) it finds the
    /// silos' gateways in their Redis membership table (<c>REDIS_HOST</c> and the other <c>REDIS_*</c> settings,
    /// <c>ORLEANS_CLUSTER_ID</c>, <c>ORLEANS_SERVICE_ID</c>, docs/redis.md); otherwise it connects to one local silo.
    /// </summary>
    public static IHostApplicationBuilder AddMasteryEngineClient(this IHostApplicationBuilder builder)
    {
        var options = new MasteryEngineClientOptions();
        builder.Configuration.GetSection(MasteryEngineClientOptions.SectionName).Bind(options);
        Override(builder.Configuration, "ORLEANS_GATEWAY_PORT", value => options.GatewayPort = int.Parse(value, CultureInfo.InvariantCulture));
        Override(builder.Configuration, "ORLEANS_SERVICE_ID", value => options.ServiceId = value);
        Override(builder.Configuration, "ORLEANS_CLUSTER_ID", value => options.ClusterId = value);
        var useRedis = string.Equals(builder.Configuration["STORAGE_PROVIDER"]?.Trim(), "redis", StringComparison.OrdinalIgnoreCase);
        builder.UseOrleansClient(client =>
        {
            if (useRedis)
            {
                client.AddMasteryRedisClustering(builder.Configuration);
            }
            else
            {
                client.UseLocalhostClustering(options.GatewayPort, options.ServiceId, options.ClusterId);
            }

            client.Configure<ClientMessagingOptions>(messaging => messaging.ResponseTimeout = options.ResponseTimeout);
        });
        return builder;
    }

    private static void Override(IConfiguration configuration, string variable, Action<string> apply)
    {
        if (configuration[variable] is { Length: > 0 } value)
        {
            apply(value.Trim());
        }
    }
}
