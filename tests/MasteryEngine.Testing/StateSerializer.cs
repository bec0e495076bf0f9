using MasteryEngine.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Storage;

namespace MasteryEngine.Testing;

/// <summary>The grain state serializer a silo of this service is configured with, for storage built outside a silo.</summary>
public static class StateSerializer
{
    public static IGrainStorageSerializer Create()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo => silo.AddMasteryEngineSilo(new ConfigurationBuilder().Build(), useRedis: false, useKafka: false));
        var services = builder.Build().Services;
        return services.GetRequiredService<IGrainStorageSerializer>();
    }
}
