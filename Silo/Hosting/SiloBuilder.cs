using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using MasteryEngine.Runtime.Storage;
using MasteryEngine.Runtime.Streams;
using MasteryEngine.Silo.Runtime;
using MasteryEngine.Silo.Storage;
using MasteryEngine.Silo.Streams;
using Microsoft.Extensions.DependencyInjection;

namespace MasteryEngine.Silo.Hosting;

/// <summary>What a silo hosts: grain classes, storage providers, stream subscriptions (Orleans' <c>ISiloBuilder</c>).</summary>
public sealed class SiloBuilder(IServiceCollection services)
{
    public IServiceCollection Services { get; } = services;

    /// <summary>Hosts every grain class of the assembly.</summary>
    public SiloBuilder AddGrains(Assembly assembly)
    {
        Services.AddSingleton(new GrainAssembly(assembly));
        return this;
    }

    /// <summary>In-memory grain storage under <paramref name="name"/>; it is also the default when no "Default" storage is registered.</summary>
    public SiloBuilder AddMemoryGrainStorage(string name = GrainStorageNames.Default)
    {
        Services.AddKeyedSingleton<IGrainStorage>(name, (services, _) => new MemoryGrainStorage(services.GetRequiredService<IGrainStateSerializer>()));
        return this;
    }

    /// <summary>Type metadata for grain state JSON, e.g. a source-generated context; reflection covers types it lacks.</summary>
    public SiloBuilder AddGrainStateJsonResolver(IJsonTypeInfoResolver resolver)
    {
        Services.AddSingleton(resolver);
        return this;
    }

    /// <summary>
    /// Implicit subscription: every <typeparamref name="T"/> published to a stream of <paramref name="streamNamespace"/>
    /// goes to <paramref name="handler"/>, in order per stream key, e.g.
    /// <c>(grains, stream, item, ct) => grains.GetGrain&lt;IStudentMasteryGrain&gt;(stream.Key).ApplyEventAsync(item)</c>.
    /// </summary>
    public SiloBuilder AddStreamSubscription<T>(string streamNamespace, Func<IGrainFactory, StreamId, T, CancellationToken, Task> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamNamespace);
        ArgumentNullException.ThrowIfNull(handler);
        Services.AddSingleton(new ImplicitStreamSubscription(streamNamespace, typeof(T),
            (grains, streamId, item, cancellationToken) => handler(grains, streamId, (T)item, cancellationToken)));
        return this;
    }

    public SiloBuilder Configure<TOptions>(Action<TOptions> configure) where TOptions : class
    {
        Services.Configure(configure);
        return this;
    }
}
