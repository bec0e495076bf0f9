using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using MasteryEngine.Runtime;
using MasteryEngine.Runtime.Storage;
using MasteryEngine.Silo.Redis;
using MasteryEngine.Silo.Redis.Client;
using MasteryEngine.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Bench;

/// <summary>
/// Persisted writes through <see cref="RedisGrainStorage"/> against redis-benchmark running an equivalent Lua
/// compare-and-set with EVAL on the same server in the same run: the ratio is what our client and storage cost
/// on top of Redis itself. Then a fixed 1,000 writes/s load for latency at a realistic rate.
/// usage: redis-storage [--seconds 10] [--concurrency 50] [--grains 10000]
/// </summary>
public static class RedisStorageBenchmark
{
    // Same work as the storage's write script: read the ETag, compare, write etag and data, set the TTL.
    private const string CompareAndSetScript =
        "local s = redis.call('HGET', KEYS[1], 'etag') or '' " +
        "if s ~= ARGV[1] then return s end " +
        "redis.call('HSET', KEYS[1], 'etag', ARGV[2], 'data', ARGV[3]) " +
        "redis.call('PEXPIRE', KEYS[1], ARGV[4]) return 1";

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = BenchArguments.Count(args, "--seconds", 10);
        var concurrency = BenchArguments.Count(args, "--concurrency", 50);
        var grains = BenchArguments.Count(args, "--grains", 10_000);

        await using var server = await LocalRedisServer.StartAsync();
        var options = new RedisOptions { Host = $"127.0.0.1:{server.Port}", PublishInvalidations = true };
        await using var redis = new RedisMultiplexer(Options.Create(options), TimeProvider.System, NullLogger<RedisMultiplexer>.Instance);
        await using var metricsProvider = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var storage = new RedisGrainStorage(
            "bench", redis, new JsonGrainStateSerializer([BenchJsonContext.Default]), options,
            new RedisStorageMetrics(metricsProvider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()),
            TimeProvider.System, new RedisSiloId("bench"));
        await redis.ConnectAsync();

        var sample = JsonSerializer.Serialize(SampleState(1), BenchJsonContext.Default.BenchState);
        var raw = await RedisBenchmarkRateAsync(server.Port, sample, concurrency);
        Console.WriteLine($"redis-benchmark EVAL compare-and-set (-c {concurrency} -P 1): {raw:F0} ops/s");

        var saturated = await SaturatedWritesAsync(storage, concurrency, grains, TimeSpan.FromSeconds(seconds));
        Console.WriteLine(saturated.Summary);
        Console.WriteLine($"ratio storage/raw Lua: {saturated.Rate / raw:P0}");

        await using var subscriber = new RedisSubscriber(Options.Create(options), TimeProvider.System, NullLogger<RedisSubscriber>.Instance);
        var paced = await PacedWritesAsync(storage, subscriber, options.InvalidationChannel, 1000, TimeSpan.FromSeconds(Math.Min(seconds, 10)));
        Console.WriteLine(paced);
        return 0;
    }

    private static async Task<(double Rate, string Summary)> SaturatedWritesAsync(
        RedisGrainStorage storage, int concurrency, int grains, TimeSpan duration)
    {
        var recorder = new LatencyRecorder();
        var states = Enumerable.Range(0, grains).Select(_ => new GrainState<BenchState>()).ToArray();
        var ids = Enumerable.Range(0, grains).Select(i => new GrainId("bench", $"student_{i}")).ToArray();
        var clock = Stopwatch.StartNew();
        long operations = 0;
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            // Each worker owns the grains congruent to it, so writes never conflict and every one is persisted.
            for (var round = 0; clock.Elapsed < duration; round++)
            {
                var grain = worker + (concurrency * (round % (grains / concurrency)));
                var state = states[grain];
                state.State = SampleState(round);
                var started = Stopwatch.GetTimestamp();
                await storage.WriteStateAsync("state", ids[grain], state);
                recorder.Record(started);
                Interlocked.Increment(ref operations);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;
        return (operations / elapsed.TotalSeconds, recorder.Summarize($"RedisGrainStorage.WriteStateAsync saturated (concurrency {concurrency})", elapsed));
    }

    /// <summary>
    /// Writes at a fixed rate, measuring each write's latency and how long after its start another connection
    /// (as another silo's listener) receives its invalidation.
    /// </summary>
    private static async Task<string> PacedWritesAsync(
        RedisGrainStorage storage, RedisSubscriber subscriber, string channel, int perSecond, TimeSpan duration)
    {
        var recorder = new LatencyRecorder();
        var propagation = new LatencyRecorder();
        var started = new ConcurrentDictionary<string, long>();
        await subscriber.SubscribeAsync(channel, message =>
        {
            using var invalidation = JsonDocument.Parse(message.Payload);
            if (started.TryRemove(invalidation.RootElement.GetProperty("grain_key").GetString()!, out var at))
            {
                propagation.Record(at);
            }
        });
        var total = (int)(perSecond * duration.TotalSeconds);
        var interval = TimeSpan.FromSeconds(1.0 / perSecond);
        var clock = Stopwatch.StartNew();
        var writes = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = interval * i;
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            var index = i;
            writes.Add(Task.Run(async () =>
            {
                var key = $"student_{index}";
                var state = new GrainState<BenchState> { State = SampleState(index) };
                var writeStarted = Stopwatch.GetTimestamp();
                started[key] = writeStarted;
                await storage.WriteStateAsync("state", new GrainId("paced", key), state);
                recorder.Record(writeStarted);
            }));
        }

        await Task.WhenAll(writes);
        var elapsed = clock.Elapsed;
        return recorder.Summarize($"RedisGrainStorage.WriteStateAsync paced at {perSecond}/s", elapsed) + Environment.NewLine +
               propagation.Summarize("write start to invalidation received on another connection", elapsed);
    }

    private static async Task<double> RedisBenchmarkRateAsync(int port, string data, int concurrency)
    {
        var info = new ProcessStartInfo("redis-benchmark") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        string[] arguments =
        [
            "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-q", "--csv",
            "-n", "100000", "-c", concurrency.ToString(CultureInfo.InvariantCulture), "-P", "1", "-r", "100000",
            "eval", CompareAndSetScript, "1", "raw:{__rand_int__}:state", "", "", data, "7776000000",
        ];
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("redis-benchmark did not start.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        // --csv prints a header "test","rps",... then one row whose test name (the script and its JSON argument)
        // contains commas and quotes: the numbers are counted from the end of the row instead.
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var numbersAfterRps = lines[0].Split(',').Length - 2;
        var fields = lines[^1].Split(',');
        return double.Parse(fields[^(numbersAfterRps + 1)].Trim('"'), CultureInfo.InvariantCulture);
    }

    private static BenchState SampleState(int round) => new()
    {
        StudentId = "student_12345",
        Components = new() { ["completion"] = 0.8, ["quiz"] = 0.72, ["quality"] = 0.65, ["consistency"] = 0.9 },
        AppliedEventIds = [.. Enumerable.Range(round, 5).Select(i => $"evt-{i}")],
        Version = round,
    };

    internal sealed class BenchState
    {
        public string StudentId { get; set; } = "";

        public Dictionary<string, double> Components { get; set; } = [];

        public List<string> AppliedEventIds { get; set; } = [];

        public int Version { get; set; }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(RedisStorageBenchmark.BenchState))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
