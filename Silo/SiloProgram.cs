using MasteryEngine.Silo.Hosting;
using MasteryEngine.Silo.Kafka;
using Microsoft.Extensions.Hosting;

namespace MasteryEngine.Silo;

/// <summary>
/// <c>dotnet run --project Silo</c>: a silo without HTTP that joins the cluster (STORAGE_PROVIDER=redis, REDIS_HOST)
/// and, with STREAM_PROVIDER=kafka (KAFKA_BROKER, KAFKA_GROUP_ID, ...), consumes learning events into the grains.
/// <c>dotnet run --project Silo -- kafka-mock ...</c>: a development Kafka broker (see docs/kafka.md).
/// A named class rather than top-level statements: the Gateway references this assembly and has its own <c>Program</c>.
/// </summary>
public static class SiloProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["kafka-mock", .. var options])
        {
            return await KafkaMockBrokerCommand.RunAsync(options);
        }

        var builder = Host.CreateApplicationBuilder(args);
        var storage = Setting(builder.Configuration["STORAGE_PROVIDER"], "memory");
        var stream = Setting(builder.Configuration["STREAM_PROVIDER"], "kafka");
        if (storage is not ("memory" or "redis") || stream is not ("memory" or "kafka"))
        {
            await Console.Error.WriteLineAsync($"STORAGE_PROVIDER must be memory or redis (was '{storage}'); STREAM_PROVIDER memory or kafka (was '{stream}').");
            return 2;
        }

        builder.UseOrleans(silo => silo.AddMasteryEngineSilo(builder.Configuration, useRedis: storage == "redis", useKafka: stream == "kafka"));
        using var host = builder.Build();
        if (ConfigurationCheck.Reject(host.Services) is { } configurationError)
        {
            return configurationError;
        }

        return await StartupFailure.RunAsync(host);
    }

    private static string Setting(string? value, string fallback) =>
        string.IsNullOrWhiteSpace(value) ? fallback : value.Trim().ToLowerInvariant();
}
