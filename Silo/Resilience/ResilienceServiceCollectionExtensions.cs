using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace MasteryEngine.Silo.Resilience;

public static class ResilienceServiceCollectionExtensions
{
    /// <summary>
    /// Decorates the grain storage already registered under <paramref name="storageName"/> (call it after, e.g.,
    /// <c>AddRedisGrainStorage</c>) with a timeout and a circuit breaker named <paramref name="breakerName"/>, bound
    /// from <c>Resilience:Storage</c>; its state is exposed as <c>circuit_breaker_state</c> and in <c>/ready</c>.
    /// </summary>
    public static IServiceCollection AddGrainStorageCircuitBreaker(
        this IServiceCollection services, IConfiguration configuration, string storageName = "Default", string breakerName = "redis")
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService && Equals(d.ServiceKey, storageName))
            ?? throw new InvalidOperationException($"No grain storage named '{storageName}' is registered; register it before its circuit breaker.");

        services.AddOptions<StorageCircuitBreakerOptions>()
            .Bind(configuration.GetSection(StorageCircuitBreakerOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddCircuitBreakerStates();

        services.Remove(registered);
        services.Add(ServiceDescriptor.KeyedSingleton<IGrainStorage>(storageName, (provider, key) => new CircuitBreakingGrainStorage(
            CreateInner(registered, provider, key),
            breakerName,
            provider.GetRequiredService<IOptions<StorageCircuitBreakerOptions>>().Value,
            provider.GetRequiredService<CircuitBreakerStates>(),
            provider.GetRequiredService<TimeProvider>())));
        return services;
    }

    /// <summary>
    /// The registry every circuit breaker of the process reports to (<c>circuit_breaker_state{name}</c>) and the
    /// <c>circuit-breakers</c> readiness check over it. Each breaker's registration calls this; only the first call
    /// registers, because health check names must be unique.
    /// </summary>
    public static IServiceCollection AddCircuitBreakerStates(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(CircuitBreakerStates)))
        {
            return services;
        }

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CircuitBreakerStates>();
        services.AddHealthChecks().AddCheck<CircuitBreakerHealthCheck>(CircuitBreakerHealthCheck.Name, tags: ["ready"]);
        return services;
    }

    private static IGrainStorage CreateInner(ServiceDescriptor registered, IServiceProvider provider, object? key) =>
        (IGrainStorage)(registered.KeyedImplementationInstance
            ?? registered.KeyedImplementationFactory?.Invoke(provider, key)
            ?? ActivatorUtilities.CreateInstance(provider, registered.KeyedImplementationType!));
}
