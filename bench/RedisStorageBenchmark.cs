using System.Globalization;
using MasteryEngine.Grains;
using MasteryEngine.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MasteryEngine.Bench;

/// <summary>
/// Persisted calculations on Redis: a co-hosted silo with the service's Redis storage (Orleans' provider, one Lua
/// compare-and-set per write) against a redis-server the bench starts, calculations per second with many callers
/// over many students, beside redis-benchmark's rate of the same kind of script on the same server in the same run,
/// then p50/p99 of calculations at a steady open-loop rate.
/// <code>dotnet run -c Release --project bench -- redis-storage [--seconds 10] [--callers 64] [--students 1000] [--rate 1000]</code>
/// </summary>
public static class RedisStorageBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = BenchArguments.Count(args, "--seconds", 10);
        var callers = BenchArguments.Count(args, "--callers", 64);
        var students = BenchArguments.Count(args, "--students", 1000);
        var rate = BenchArguments.Count(args, "--rate", 1000);

        await using var redis = await LocalRedisServer.StartAsync();
        using var host = await StartSiloAsync(redis.Port);
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var keys = Enumerable.Range(0, students).Select(i => grains.GetGrain<IStudentMasteryGrain>(StudentId(i))).ToArray();
        Console.WriteLine($"redis-storage: {Environment.ProcessorCount} cores, {callers} callers, {students} students, {seconds} s; redis-server on 127.0.0.1:{redis.Port} (no persistence)");

        foreach (var chunk in keys.Chunk(200))
        {
            await Task.WhenAll(chunk.Select(student => student.CalculateAsync(Scores(0))));
        }

        await ClosedLoopRate.MeasureAsync("warm-up, persisted calculate", callers, TimeSpan.FromSeconds(3), (caller, i) => keys[Pick(caller, i, students)].CalculateAsync(Scores(i)));
        var calculated = await ClosedLoopRate.MeasureAsync("persisted calculate (grain calls, Redis storage)", callers, TimeSpan.FromSeconds(seconds), (caller, i) => keys[Pick(caller, i, students)].CalculateAsync(Scores(i)));
        var stateBytes = await RedisBenchmarkTool.FieldLengthAsync(redis.Port, $"student:{{{StudentId(0)}}}:state", "data");
        Console.WriteLine($"  a student's state is {stateBytes:N0} bytes of JSON");

        var lua = await RedisBenchmarkTool.CompareAndSetRateAsync(redis.Port, requests: Math.Max(50_000, (int)calculated * seconds), clients: callers, keys: students, payloadBytes: stateBytes);
        Console.WriteLine($"  redis-benchmark EVAL compare-and-set ({stateBytes:N0} bytes, {callers} clients, {students} keys): {lua:N0} requests/s");
        Console.WriteLine($"  ratio persisted calculate / Lua compare-and-set: {calculated / lua:P0}");

        var (latencies, elapsed, failures) = await FixedRateRun.RunAsync(rate, seconds, i => keys[i % students].CalculateAsync(Scores(i)));
        Console.WriteLine($"  fixed rate {rate}/s {latencies.Summarize("persisted calculate", elapsed)}; failures {failures}");
        await host.StopAsync();
        return 0;
    }

    private static async Task<IHost> StartSiloAsync(int redisPort)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["REDIS_HOST"] = $"127.0.0.1:{redisPort.ToString(CultureInfo.InvariantCulture)}",
            ["ORLEANS_CLUSTER_ID"] = "bench-" + Guid.NewGuid().ToString("N")[..8],
            ["ORLEANS_SILO_PORT"] = LoopbackPort.Free().ToString(CultureInfo.InvariantCulture),
            ["ORLEANS_GATEWAY_PORT"] = LoopbackPort.Free().ToString(CultureInfo.InvariantCulture),
        });
        builder.UseOrleans(silo => silo.AddMasteryEngineSilo(builder.Configuration, useRedis: true, useKafka: false));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }


    private static ComponentScores Scores(long i) => new(i % 100 / 100.0, 0.9, 0.85, 0.82);

    private static int Pick(int caller, long i, int students) => (int)((caller * 7919L + i) % students);

    private static string StudentId(int i) => "bench_" + i.ToString(CultureInfo.InvariantCulture);
}
