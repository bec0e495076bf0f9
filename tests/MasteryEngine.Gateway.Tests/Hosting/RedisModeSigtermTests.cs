using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MasteryEngine.Grains.Domain;
using MasteryEngine.Testing;
using Xunit.Abstractions;

namespace MasteryEngine.Gateway.Tests.Hosting;

/// <summary>
/// The gateway process in Redis mode is sent SIGTERM while concurrent writers calculate and ingest; it must stop
/// within the drain budget with exit code 0 and refuse what comes after, and once it is gone Redis (durable:
/// appendfsync always, read with redis-cli) must hold exactly what it acknowledged: every acknowledged change, and
/// nothing of a request it refused or never answered.
/// </summary>
public sealed class RedisModeSigtermTests(ITestOutputHelper output)
{
    /// <summary>Acknowledged requests before the signal: enough that writes are in flight at every layer.</summary>
    private const int AcknowledgedBeforeSigterm = 400;

    [Fact]
    public async Task Sigterm_under_load_exits_0_within_the_drain_budget_and_every_acknowledged_change_is_in_redis()
    {
        await using var redis = await RedisServerProcess.StartAsync("--appendonly", "yes", "--appendfsync", "always");
        var settings = ProductionGatewaySettings.Create();
        settings["STORAGE_PROVIDER"] = "redis";
        settings["REDIS_HOST"] = redis.HostAndPort;
        await using var gateway = await GatewayProcess.StartAsync(settings);
        using var client = gateway.CreateClient(ProductionGatewaySettings.AdminToken());
        using var abort = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var load = new GatewayLoad(client, calculateWriters: 6, ingestWriters: 6);

        var running = load.RunAsync(abort.Token);
        await Eventually.UntilAsync(
            () => load.Acknowledged >= AcknowledgedBeforeSigterm || running.IsCompleted, TimeSpan.FromSeconds(60), $"{AcknowledgedBeforeSigterm} requests acknowledged");
        var acknowledgedAtSigterm = load.Acknowledged;
        load.MarkSigtermSent();
        var stopping = Stopwatch.StartNew();
        await gateway.SendSigtermAsync();
        var exitCode = await gateway.WaitForExitAsync(ProductionGatewaySettings.SigkillAfterSigterm);
        var stopTime = stopping.Elapsed;
        await running;

        var requests = load.All.ToList();
        output.WriteLine($"acknowledged before SIGTERM: {acknowledgedAtSigterm}, in total: {load.Acknowledged} " +
            $"({requests.Count(r => r.AfterSigterm && r.Outcome == RequestOutcome.Acknowledged)} sent after it); " +
            $"refused: {requests.Count(r => r.Outcome == RequestOutcome.Refused)}, " +
            $"unanswered: {requests.Count(r => r.Outcome == RequestOutcome.Unanswered)}; " +
            $"exit {exitCode} after {stopTime.TotalMilliseconds:F0} ms");
        Assert.Equal(0, exitCode);
        Assert.True(stopTime < ProductionGatewaySettings.ShutdownTimeout, $"stopped in {stopTime}, over the drain budget. Output:\n{gateway.RecentOutput}");
        Assert.DoesNotContain(requests, r => r.Outcome == RequestOutcome.Unexpected);
        // Each writer ended on a refusal after the signal: later requests are turned away, not left hanging or accepted.
        Assert.Equal(load.Writers, requests.Count(r => r.AfterSigterm && r.Outcome != RequestOutcome.Acknowledged));

        foreach (var student in load.Calculations.GroupBy(r => r.StudentId))
        {
            await AssertLastCalculationStoredAsync(redis, student.ToList());
        }

        foreach (var student in load.Ingests.GroupBy(r => r.StudentId))
        {
            await AssertExactlyTheAcknowledgedEventsAppliedOnceAsync(redis, student.ToList());
        }
    }

    /// <summary>The stored completion is exactly the last acknowledged calculation's: nothing later was half-done.</summary>
    private static async Task AssertLastCalculationStoredAsync(RedisServerProcess redis, List<SentRequest> calculations)
    {
        var stored = await StoredStudentState.ReadAsync(redis, calculations[0].StudentId);
        var lastAcknowledged = calculations.Where(r => r.Outcome == RequestOutcome.Acknowledged)
            .Select(r => int.Parse(r.Key, CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
        Assert.Equal(GatewayLoad.CompletionOf(lastAcknowledged), stored.Completion, 9);
    }

    /// <summary>The applied events are exactly the acknowledged ones, and each counted one completed exercise.</summary>
    private static async Task AssertExactlyTheAcknowledgedEventsAppliedOnceAsync(RedisServerProcess redis, List<SentRequest> events)
    {
        var stored = await StoredStudentState.ReadAsync(redis, events[0].StudentId);
        var acknowledged = events.Where(r => r.Outcome == RequestOutcome.Acknowledged).Select(r => EventFingerprint.Of(r.Key)).ToHashSet();
        var notAcknowledged = events.Where(r => r.Outcome != RequestOutcome.Acknowledged).ToDictionary(r => EventFingerprint.Of(r.Key));
        Assert.True(acknowledged.SetEquals(stored.AppliedEvents), $"lost: {acknowledged.Except(stored.AppliedEvents).Count()}, applied but not acknowledged: "
            + string.Join("; ", stored.AppliedEvents.Except(acknowledged).Select(f => notAcknowledged.TryGetValue(f, out var r) ? $"{r.Outcome} {r.Detail}" : "?")));
        Assert.Equal(acknowledged.Count, stored.CompletedExercises);
    }
}
