using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Silo.Redis;

public static class RedisConnectionServiceCollectionExtensions
{
    /// <summary>
    /// The shared connection and the <c>redis</c> readiness check, with <see cref="RedisOptions"/> bound from the
    /// <c>Redis</c> section and the environment (<c>REDIS_HOST</c>, <c>REDIS_PASSWORD</c>, <c>REDIS_USER</c>,
    /// <c>REDIS_TLS</c>, <c>REDIS_TLS_CA_FILE</c>, <c>REDIS_DATABASE</c>, <c>REDIS_KEY_PREFIX</c>), validated at start-up.
    /// Registering it twice (storage and clustering both ask) keeps one connection.
    /// </summary>
    public static IServiceCollection AddSharedRedisConnection(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(descriptor => descriptor.ServiceType == typeof(SharedRedisConnection)))
        {
            return services;
        }

        services.AddOptions<RedisOptions>()
            .Bind(configuration.GetSection(RedisOptions.SectionName))
            .Configure(options => ApplyEnvironment(configuration, options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisOptions>, RedisOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SharedRedisConnection>();
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

        if (configuration["REDIS_DATABASE"] is { } database)
        {
            options.Database = int.TryParse(database, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new OptionsValidationException(
                    nameof(RedisOptions), typeof(RedisOptions), [$"REDIS_DATABASE '{database}' is not a whole number."]);
        }
    }
}
