using MasteryEngine.Runtime.Storage;
using MasteryEngine.Silo.Hosting;
using MasteryEngine.Silo.Storage;
using MasteryEngine.Silo.Tests.Grains;
using MasteryEngine.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MasteryEngine.Silo.Tests;

/// <summary>A <see cref="TestSilo"/> hosting this project's test grains and their test doubles.</summary>
internal static class RuntimeTestSilo
{
    /// <summary>How long to wait for background work (deactivation, eviction) on a loaded machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static Task<TestSilo> StartAsync(Action<SiloBuilder>? configure = null) =>
        TestSilo.StartAsync(silo =>
        {
            silo.AddGrains(typeof(CounterGrain).Assembly);
            silo.Services.AddSingleton<GrainLifecycleLog>();
            silo.Services.AddSingleton<ActivationFaults>();
            silo.Services.AddKeyedSingleton<IGrainStorage>("faulty", (services, _) => new FaultyGrainStorage(
                new MemoryGrainStorage(services.GetRequiredService<IGrainStateSerializer>()),
                services.GetRequiredService<ActivationFaults>()));
            configure?.Invoke(silo);
        });

    public static GrainLifecycleLog Log(this TestSilo silo) => silo.Services.GetRequiredService<GrainLifecycleLog>();

    public static string NewKey(string prefix = "grain") => $"{prefix}_{Guid.NewGuid():N}";
}
