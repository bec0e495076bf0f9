using MasteryEngine.Silo.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MasteryEngine.Bench;

/// <summary>The service's own silo configuration, co-hosted, on memory storage and memory streams, logging warnings only.</summary>
internal static class InMemorySilo
{
    public static async Task<IHost> StartAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo.AddMasteryEngineSilo(builder.Configuration, useRedis: false, useKafka: false));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
