using MasteryEngine.Runtime;
using MasteryEngine.Silo.Hosting;
using MasteryEngine.Silo.Runtime;
using MasteryEngine.Silo.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MasteryEngine.Testing;

/// <summary>
/// A real silo in a test: a host running the grain runtime with memory storage, in-process streams and a
/// <see cref="ManualTimeProvider"/>. Add grain assemblies and services in <c>configure</c>, e.g.
/// <c>await using var silo = await TestSilo.StartAsync(s => s.AddGrains(typeof(StudentMasteryGrain).Assembly));</c>
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost host;

    private TestSilo(IHost host, ManualTimeProvider clock)
    {
        this.host = host;
        Clock = clock;
    }

    public IServiceProvider Services => host.Services;

    public IGrainFactory GrainFactory => Services.GetRequiredService<IGrainFactory>();

    public ManualTimeProvider Clock { get; }

    public InProcessStreamProvider Streams => Services.GetRequiredService<InProcessStreamProvider>();

    public GrainActivationCatalog Catalog => Services.GetRequiredService<GrainActivationCatalog>();

    public static async Task<TestSilo> StartAsync(Action<SiloBuilder>? configure = null, ManualTimeProvider? clock = null)
    {
        clock ??= new ManualTimeProvider();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddMasterySilo(silo =>
        {
            // Failing stream handlers are retried on real time: keep test runs short.
            silo.Configure<InProcessStreamOptions>(o => o.RetryBaseDelay = TimeSpan.FromMilliseconds(1));
            configure?.Invoke(silo);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new TestSilo(host, clock);
    }

    /// <summary>Waits until every stream item published so far was delivered (or dead-lettered).</summary>
    public Task WaitForStreamsAsync(TimeSpan? timeout = null) =>
        Streams.WaitForIdleAsync().WaitAsync(timeout ?? TimeSpan.FromSeconds(30));

    /// <summary>Stops the host: drains streams and deactivates every grain, as a real shutdown does.</summary>
    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
