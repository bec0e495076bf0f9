using MasteryEngine.Gateway.Tests.Metrics;
using MasteryEngine.Silo.Resilience;
using MasteryEngine.Silo.Storage;
using MasteryEngine.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace MasteryEngine.Gateway.Tests.Resilience;

public sealed class CircuitBreakingGrainStorageTests
{
    private static readonly StorageCircuitBreakerOptions Options = new()
    {
        MinimumThroughput = 2,
        FailureRatio = 0.5,
        SamplingDuration = TimeSpan.FromSeconds(30),
        BreakDuration = TimeSpan.FromSeconds(15),
        Timeout = TimeSpan.FromSeconds(5),
    };

    [Fact]
    public async Task Repeated_unavailability_opens_the_circuit_and_later_calls_fail_fast_without_touching_storage()
    {
        using var fixture = new CollectorFixture();
        var inner = new ScriptedStorage(() => new StorageUnavailableException("redis down"));
        var storage = new CircuitBreakingGrainStorage(inner, "redis", Options, new CircuitBreakerStates(fixture.MeterFactory), new ManualTimeProvider());

        for (var i = 0; i < 2; i++)
        {
            await Assert.ThrowsAsync<StorageUnavailableException>(() => WriteAsync(storage));
        }

        var refused = await Assert.ThrowsAsync<StorageUnavailableException>(() => WriteAsync(storage));

        Assert.Equal(2, inner.Calls);
        Assert.Contains("circuit breaker is open", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, fixture.Samples().Single(s => s.Name == "circuit_breaker_state" && s.Labels["name"] == "redis").Value);
    }

    [Fact]
    public async Task After_the_break_a_successful_probe_closes_the_circuit()
    {
        using var fixture = new CollectorFixture();
        var time = new ManualTimeProvider();
        var failing = true;
        var inner = new ScriptedStorage(() => failing ? new StorageUnavailableException("redis down") : null);
        var storage = new CircuitBreakingGrainStorage(inner, "redis", Options, new CircuitBreakerStates(fixture.MeterFactory), time);
        for (var i = 0; i < 2; i++)
        {
            await Assert.ThrowsAsync<StorageUnavailableException>(() => WriteAsync(storage));
        }

        failing = false;
        time.Advance(Options.BreakDuration + TimeSpan.FromSeconds(1));
        await WriteAsync(storage);

        Assert.Equal(0, fixture.Samples().Single(s => s.Name == "circuit_breaker_state").Value);
    }

    [Fact]
    public async Task Etag_conflicts_pass_through_and_never_open_the_circuit()
    {
        using var fixture = new CollectorFixture();
        var inner = new ScriptedStorage(() => new InconsistentStateException("stale etag"));
        var storage = new CircuitBreakingGrainStorage(inner, "redis", Options, new CircuitBreakerStates(fixture.MeterFactory), new ManualTimeProvider());

        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<InconsistentStateException>(() => WriteAsync(storage));
        }

        Assert.Equal(5, inner.Calls);
        Assert.Equal(0, fixture.Samples().Single(s => s.Name == "circuit_breaker_state").Value);
    }

    [Fact]
    public async Task Registration_decorates_the_named_storage_and_reports_open_circuits_as_degraded()
    {
        var inner = new ScriptedStorage(() => new StorageUnavailableException("redis down"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Resilience:Storage:MinimumThroughput"] = "2",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddKeyedSingleton<IGrainStorage>("Default", inner);
        services.AddGrainStorageCircuitBreaker(configuration);
        await using var provider = services.BuildServiceProvider();

        var storage = provider.GetRequiredKeyedService<IGrainStorage>("Default");
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<StorageUnavailableException>(() => WriteAsync(storage));
        }

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.IsType<CircuitBreakingGrainStorage>(storage);
        Assert.Equal(2, inner.Calls);
        Assert.Equal(HealthStatus.Degraded, report.Entries[CircuitBreakerHealthCheck.Name].Status);
    }

    private static Task WriteAsync(IGrainStorage storage) =>
        storage.WriteStateAsync("mastery", GrainId.Create("student", "s-" + Guid.NewGuid().ToString("N")), new GrainState<Dictionary<string, int>>());

    private sealed class ScriptedStorage(Func<Exception?> failure) : IGrainStorage
    {
        public int Calls { get; private set; }

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Next();

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Next();

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Next();

        private Task Next()
        {
            Calls++;
            return failure() is { } exception ? Task.FromException(exception) : Task.CompletedTask;
        }
    }
}
