using MasteryEngine.Runtime.Storage;
using MasteryEngine.Runtime.Streams;
using MasteryEngine.Silo.Runtime;
using MasteryEngine.Silo.Storage;
using MasteryEngine.Silo.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Silo.Hosting;

public static class SiloServiceCollectionExtensions
{
    /// <summary>
    /// Hosts a silo in this process: grain runtime, JSON state serializer, memory storage as "Default" and the
    /// in-process stream provider unless <paramref name="configure"/> (or earlier registrations) chose others.
    /// Deactivates every grain when the host stops.
    /// </summary>
    public static IServiceCollection AddMasterySilo(this IServiceCollection services, Action<SiloBuilder>? configure = null)
    {
        configure?.Invoke(new SiloBuilder(services));

        services.AddLogging();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<GrainCollectionOptions>()
            .Validate(o => o.CollectionAge > TimeSpan.Zero, "GrainCollectionOptions.CollectionAge must be positive.")
            .Validate(o => o.CollectionQuantum > TimeSpan.Zero, "GrainCollectionOptions.CollectionQuantum must be positive.")
            .Validate(o => o.MaxResidentActivations is null or > 0, "GrainCollectionOptions.MaxResidentActivations must be positive (or unset for no cap).")
            .ValidateOnStart();
        services.AddOptions<InProcessStreamOptions>()
            .Validate(o => o.ShardCount > 0, "InProcessStreamOptions.ShardCount must be positive.")
            .Validate(o => o.ShardCapacity > 0, "InProcessStreamOptions.ShardCapacity must be positive.")
            .Validate(o => o.MaxDeliveryAttempts > 0, "InProcessStreamOptions.MaxDeliveryAttempts must be at least 1.")
            .Validate(o => o.RetryBaseDelay >= TimeSpan.Zero, "InProcessStreamOptions.RetryBaseDelay must not be negative.")
            .Validate(o => o.DeadLetterCapacity >= 0, "InProcessStreamOptions.DeadLetterCapacity must not be negative.")
            .ValidateOnStart();

        services.TryAddSingleton<IGrainStateSerializer, JsonGrainStateSerializer>();
        services.TryAddKeyedSingleton<IGrainStorage>(GrainStorageNames.Default,
            (provider, _) => new MemoryGrainStorage(provider.GetRequiredService<IGrainStateSerializer>()));

        services.TryAddSingleton<GrainRuntimeMetrics>();
        services.TryAddSingleton<GrainClassRegistry>();
        services.TryAddSingleton(provider => new GrainActivationCatalog(
            provider,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<IOptions<GrainCollectionOptions>>(),
            provider.GetRequiredService<GrainRuntimeMetrics>(),
            provider.GetRequiredService<ILogger<GrainActivationCatalog>>()));
        services.TryAddSingleton<IGrainFactory, GrainFactory>();

        services.TryAddSingleton<InProcessStreamProvider>();
        services.TryAddSingleton<IStreamProvider>(provider => provider.GetRequiredService<InProcessStreamProvider>());

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SiloHostedService>());
        return services;
    }
}
