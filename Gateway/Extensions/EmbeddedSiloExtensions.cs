using MasteryEngine.Gateway.Apis;
using MasteryEngine.Gateway.Infrastructure;
using MasteryEngine.Silo.Hosting;

namespace MasteryEngine.Gateway.Extensions;

public static class EmbeddedSiloExtensions
{
    /// <summary>
    /// Hosts the silo in this process with the mastery grains, the storage chosen by <c>STORAGE_PROVIDER</c>
    /// (memory, or redis behind a circuit breaker), the stream chosen by <c>STREAM_PROVIDER</c> (inprocess,
    /// kafka), and learning events delivered from their stream to each student's grain. The silo answers to
    /// <c>/ready</c> through a grain round trip.
    /// </summary>
    public static WebApplicationBuilder AddEmbeddedSilo(this WebApplicationBuilder builder)
    {
        IConfiguration configuration = builder.Configuration;
        builder.Services.AddMasteryEngineSilo(
            configuration,
            useRedis: ProviderSetting(configuration, "STORAGE_PROVIDER", "StorageProvider") == "redis",
            useKafka: ProviderSetting(configuration, "STREAM_PROVIDER", "StreamProvider") == "kafka");
        builder.Services.AddHealthChecks().AddCheck<SiloHealthCheck>(SiloHealthCheck.Name, tags: [ServiceApi.ReadyTag]);
        return builder;
    }

    private static string ProviderSetting(IConfiguration configuration, string variable, string setting) =>
        (configuration[variable] ?? configuration[$"{Options.GatewayOptions.SectionName}:{setting}"] ?? "").Trim().ToLowerInvariant();
}
