using MasteryEngine.Gateway.Apis;
using MasteryEngine.Gateway.Infrastructure;
using MasteryEngine.Silo.Hosting;

namespace MasteryEngine.Gateway.Extensions;

public static class EmbeddedSiloExtensions
{
    /// <summary>
    /// Co-hosts an Orleans silo in this process (the "gateway silo"): the mastery grains, the storage chosen by
    /// <c>STORAGE_PROVIDER</c> (memory, or redis behind a circuit breaker) and the stream chosen by
    /// <c>STREAM_PROVIDER</c> (Orleans memory streams, or kafka). The API calls grains through the silo's own
    /// client, and <c>/ready</c> checks a grain round trip.
    /// </summary>
    public static WebApplicationBuilder AddEmbeddedSilo(this WebApplicationBuilder builder)
    {
        IConfiguration configuration = builder.Configuration;
        var useRedis = ProviderSetting(configuration, "STORAGE_PROVIDER", "StorageProvider") == "redis";
        var useKafka = ProviderSetting(configuration, "STREAM_PROVIDER", "StreamProvider") == "kafka";
        builder.UseOrleans(silo => silo.AddMasteryEngineSilo(configuration, useRedis, useKafka));
        builder.Services.AddHealthChecks().AddCheck<SiloHealthCheck>(SiloHealthCheck.Name, tags: [ServiceApi.ReadyTag]);
        return builder;
    }

    private static string ProviderSetting(IConfiguration configuration, string variable, string setting) =>
        (configuration[variable] ?? configuration[$"{Options.GatewayOptions.SectionName}:{setting}"] ?? "").Trim().ToLowerInvariant();
}
