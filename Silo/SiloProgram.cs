using MasteryEngine.Silo.Hosting;
using MasteryEngine.Silo.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MasteryEngine.Silo;

/// <summary>
/// <c>dotnet run --project Silo</c>: a silo without HTTP that consumes learning events from Kafka (KAFKA_BROKER,
/// KAFKA_GROUP_ID, ...) into the mastery grains, with state in Redis (STORAGE_PROVIDER=redis, REDIS_HOST) or memory.
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
        var storage = builder.Configuration["STORAGE_PROVIDER"] ?? "memory";
        if (storage is not ("memory" or "redis"))
        {
            await Console.Error.WriteLineAsync($"STORAGE_PROVIDER must be memory or redis (was '{storage}').");
            return 2;
        }

        builder.Services.AddMasteryEngineSilo(builder.Configuration, useRedis: storage == "redis", useKafka: true);
        using var host = builder.Build();
        if (ConfigurationCheck.Reject(host.Services) is { } configurationError)
        {
            return configurationError;
        }

        await host.RunAsync();
        return 0;
    }
}
