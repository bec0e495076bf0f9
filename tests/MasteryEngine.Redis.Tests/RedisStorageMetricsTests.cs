using System.Diagnostics.Metrics;
using MasteryEngine.Runtime;
using MasteryEngine.Runtime.Storage;
using MasteryEngine.Silo.Redis;
using MasteryEngine.Testing;

namespace MasteryEngine.Redis.Tests;

public class RedisStorageMetricsTests
{
    public sealed class Counter
    {
        public int Value { get; set; }
    }

    [Fact]
    public async Task Storage_latency_and_unavailability_are_measured_per_operation()
    {
        await using var server = await RedisServerProcess.StartAsync();
        await using var redis = RedisTestClients.Multiplexer(server);
        var storage = RedisTestClients.Storage(redis, RedisTestClients.Options(server));
        var measurements = new List<(string Instrument, string Operation, string Provider)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == RedisStorageMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Add(instrument, tags));
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) => Add(instrument, tags));
        listener.Start();
        var grain = new GrainId("metered", Guid.NewGuid().ToString("N"));

        await storage.WriteStateAsync("state", grain, new GrainState<Counter>());
        await storage.ReadStateAsync("state", grain, new GrainState<Counter>());
        await server.KillAsync();
        await Eventually.UntilAsync(() => Task.FromResult(!redis.IsConnected), RedisTestClients.Patience, "the client notices");
        await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.ReadStateAsync("state", grain, new GrainState<Counter>()));

        lock (measurements)
        {
            Assert.Contains(("storage_operation_duration_seconds", "write", "redis"), measurements);
            Assert.Contains(("storage_operation_duration_seconds", "read", "redis"), measurements);
            Assert.Contains(("storage_operation_errors_total", "read", "redis"), measurements);
        }

        void Add(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? operation = null;
            string? provider = null;
            foreach (var tag in tags)
            {
                operation = tag.Key == "operation" ? (string?)tag.Value : operation;
                provider = tag.Key == "provider" ? (string?)tag.Value : provider;
            }

            lock (measurements)
            {
                measurements.Add((instrument.Name, operation ?? "", provider ?? ""));
            }
        }
    }
}
