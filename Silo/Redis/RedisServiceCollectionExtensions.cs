using System.Globalization;
using MasteryEngine.Runtime.Storage;
using MasteryEngine.Silo.Redis.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Silo.Redis;

public static class RedisServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RedisGrainStorage"/> as the keyed <see cref="IGrainStorage"/> <paramref name="name"/>,
    /// with the shared client, the <c>redis</c> readiness check and options bound from the <c>Redis</c> section
    /// and the environment (<c>REDIS_HOST</c>, <c>REDIS_PASSWORD</c>, <c>REDIS_USER</c>, <c>REDIS_TLS</c>,
    /// <c>REDIS_TLS_CA_FILE</c>, <c>REDIS_DATABASE</c>, <c>REDIS_KEY_PREFIX</c>, <c>REDIS_POOL_SIZE</c>, <c>GDPR_RETENTION_DAYS</c>),
    /// validated at start-up. The runtime supplies the <see cref="IGrainStateSerializer"/>. In a silo, the
    /// <see cref="RedisInvalidationListener"/> keeps activations fresh when other silos write the same grains.
    /// </summary>
    public static IServiceCollection AddRedisGrainStorage(this IServiceCollection services, IConfiguration configuration, string name = "Default")
    {
        services.AddRedisClient(configuration);
        services.AddKeyedSingleton<IGrainStorage>(name, (provider, _) => new RedisGrainStorage(
            name,
            provider.GetRequiredService<RedisMultiplexer>(),
            provider.GetRequiredService<IGrainStateSerializer>(),
            provider.GetRequiredService<IOptions<RedisOptions>>().Value,
            provider.GetRequiredService<RedisStorageMetrics>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<RedisSiloId>()));
        return services;
    }

    /// <summary>The Redis client shared by every Redis-backed component: options, connection pool, subscriber, health check.</summary>
    public static IServiceCollection AddRedisClient(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(descriptor => descriptor.ServiceType == typeof(RedisMultiplexer)))
        {
            return services;
        }

        services.AddOptions<RedisOptions>()
            .Bind(configuration.GetSection(RedisOptions.SectionName))
            .Configure(options => ApplyEnvironment(configuration, options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisOptions>, RedisOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddLogging();
        services.TryAddSingleton(_ => RedisSiloId.CreateUnique());
        services.AddSingleton<RedisMultiplexer>();
        services.AddSingleton<RedisSubscriber>();
        services.AddSingleton<RedisStorageMetrics>();
        services.AddHostedService<RedisInvalidationListener>();
        services.AddHealthChecks().AddCheck<RedisHealthCheck>(RedisHealthCheck.Name, tags: ["ready"]);
        return services;
    }

    private static void ApplyEnvironment(IConfiguration configuration, RedisOptions options)
    {
        options.Host = configuration["REDIS_HOST"] ?? options.Host;
        options.Password = configuration["REDIS_PASSWORD"] ?? options.Password;
        options.User = configuration["REDIS_USER"] ?? options.User;
        options.KeyPrefix = configuration["REDIS_KEY_PREFIX"] ?? options.KeyPrefix;
        options.TlsCaFile = configuration["REDIS_TLS_CA_FILE"] ?? options.TlsCaFile;
        if (configuration["REDIS_TLS"] is { } tls)
        {
            options.Tls = tls.Equals("true", StringComparison.OrdinalIgnoreCase) || tls == "1" || tls.Equals("yes", StringComparison.OrdinalIgnoreCase);
        }

        options.Database = ParseOrKeep(configuration, "REDIS_DATABASE", options.Database);
        options.PoolSize = ParseOrKeep(configuration, "REDIS_POOL_SIZE", options.PoolSize);
        options.RetentionDays = ParseOrKeep(configuration, "GDPR_RETENTION_DAYS", options.RetentionDays);
    }

    private static int ParseOrKeep(IConfiguration configuration, string variable, int current)
    {
        var text = configuration[variable];
        if (text is null)
        {
            return current;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new OptionsValidationException(
                nameof(RedisOptions), typeof(RedisOptions), [$"{variable} '{text}' is not a whole number."]);
    }
}
