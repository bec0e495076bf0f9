using System.Diagnostics;
using MasteryEngine.Testing;
using Xunit.Abstractions;

namespace MasteryEngine.Gateway.Tests.Hosting;

/// <summary>
/// The gateway process in Redis mode is sent SIGTERM while concurrent writers calculate and ingest; it must stop
/// within the drain budget with exit code 0, refuse what comes after, and every change it acknowledged must be in
/// Redis (durable: appendfsync always), read back with redis-cli once the process is gone.
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
        await Eventually.UntilAsync(() => load.Acknowledged >= AcknowledgedBeforeSigterm || running.IsCompleted, TimeSpan.FromSeconds(60),
            $"{AcknowledgedBeforeSigterm} requests acknowledged");
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
            $"refused: {requests.Count(r => r.Outcome == RequestOutcome.Refused)}, unanswered: {requests.Count(r => r.Outcome == RequestOutcome.Unanswered)}; " +
            $"exit {exitCode} after {stopTime.TotalMilliseconds:F0} ms");
        Assert.Equal(0, exitCode);
        Assert.True(stopTime < ProductionGatewaySettings.ShutdownTimeout, $"stopped in {stopTime}, over the drain budget. Output:\n{gateway.RecentOutput}");
        Assert.DoesNotContain(requests, r => r.Outcome == RequestOutcome.Unexpected);
        // Each writer ended on a refusal after the signal: later requests are turned away, not left hanging or accepted.
        Assert.Equal(12, requests.Count(r => r.AfterSigterm && r.Outcome != RequestOutcome.Acknowledged));

        foreach (var student in load.Calculations.GroupBy(r => r.StudentId))
        {
            await AssertLastCalculationStoredAsync(redis, student.ToList());
        }

        foreach (var student in load.Ingests.GroupBy(r => r.StudentId))
        {
            await AssertEachAcknowledgedEventAppliedOnceAsync(redis, student.ToList());
        }
    }

    /// <summary>The stored completion is the last acknowledged calculation's, or that of one sent later and never answered.</summary>
    private static async Task AssertLastCalculationStoredAsync(RedisServerProcess redis, List<SentRequest> calculations)
    {
        var stored = await StoredStudentState.ReadAsync(redis, calculations[0].StudentId);
        var lastAcknowledged = calculations.Where(r => r.Outcome == RequestOutcome.Acknowledged).Select(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
        var inDoubt = calculations.Where(r => r.Outcome == RequestOutcome.Unanswered).Select(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture));
        var storedRequest = (int)Math.Round(stored.Completion * GatewayLoad.MaxRequestsPerWriter);
        Assert.True(storedRequest == lastAcknowledged || inDoubt.Contains(storedRequest),
            $"{calculations[0].StudentId}: Redis holds calculation {storedRequest}, the last acknowledged was {lastAcknowledged}");
    }

    /// <summary>Every acknowledged event is applied, nothing refused is, and each applied event counted exactly one exercise.</summary>
    private static async Task AssertEachAcknowledgedEventAppliedOnceAsync(RedisServerProcess redis, List<SentRequest> events)
    {
        var studentId = events[0].StudentId;
        var stored = await StoredStudentState.ReadAsync(redis, studentId);
        foreach (var sent in events)
        {
            if (sent.Outcome == RequestOutcome.Acknowledged)
            {
                Assert.True(stored.HasApplied(sent.Key), $"{studentId}: acknowledged event {sent.Key} is not in Redis");
            }
            else if (sent.Outcome == RequestOutcome.Refused)
            {
                Assert.False(stored.HasApplied(sent.Key), $"{studentId}: refused event {sent.Key} was applied");
            }
        }

        var answeredOrInDoubt = events.Where(r => r.Outcome is RequestOutcome.Acknowledged or RequestOutcome.Unanswered)
            .Select(r => Grains.Domain.EventFingerprint.Of(r.Key));
        Assert.Subset(answeredOrInDoubt.ToHashSet(), stored.AppliedEvents.ToHashSet());
        Assert.Equal(stored.AppliedEvents.Count, stored.CompletedExercises);
    }
}
