using System.Diagnostics;
using MasteryEngine.Gateway.Tests.Hosting;
using MasteryEngine.Gateway.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MasteryEngine.Gateway.Tests.MultiGateway;

/// <summary>
/// A fourth gateway joins the three of <see cref="ThreeGatewayFixture"/> and, under a steady write load through the
/// HTTP API, is killed (-9) or terminated (SIGTERM): the students its silo hosted answer again through the others,
/// every acknowledged event is in Redis and none is applied twice.
/// </summary>
[Collection(ThreeGatewayCollection.Name)]
public sealed class GatewayFailoverTests(ThreeGatewayFixture fixture, ITestOutputHelper output)
{
    /// <summary>
    /// The target is 5 s (measured: about 2 s, docs/redis.md); the bound leaves room for a loaded 2-core CI machine
    /// and is still far below the ~13 s of Orleans' default failure detection.
    /// </summary>
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task After_kill_9_its_students_answer_on_the_others_with_every_acknowledged_event_kept_once()
    {
        await using var victim = await fixture.StartGatewayAsync("gateway-killed");
        var (onVictim, elsewhere) = await PlaceStudentsAsync("gateway-killed");
        var load = StudentEventLoad.Start([.. onVictim, .. elsewhere], fixture.Admins);
        await WarmUpAsync(load);

        await victim.KillAsync();
        var killedAt = Stopwatch.GetTimestamp();
        var recovery = await load.AllAnsweredAfterAsync(killedAt, onVictim);
        await Task.Delay(300);
        await load.StopAsync();

        output.WriteLine($"kill -9: {onVictim.Count} students of the killed gateway answered again after {recovery.TotalMilliseconds:0} ms; {load.Retries} requests retried (503)");
        Assert.Empty(load.UnexpectedAnswers);
        Assert.True(recovery < RecoveryBound, $"recovery took {recovery}");
        await AssertEveryEventStoredOnceAsync(load);
        foreach (var student in onVictim)
        {
            Assert.NotEqual("gateway-killed", (await ThreeGatewayFixture.LocateAsync(fixture.Admins[0], student)).Silo);
        }
    }

    [Fact]
    public async Task After_sigterm_the_gateway_leaves_and_only_retryable_answers_fail()
    {
        await using var leaving = await fixture.StartGatewayAsync("gateway-terminated");
        using var leavingClient = ThreeGatewayFixture.AdminClient(leaving);
        var (onLeaving, elsewhere) = await PlaceStudentsAsync("gateway-terminated");
        // Its own HTTP port is one of the targets too: once it stops listening a client gets a refused connection and moves on.
        var load = StudentEventLoad.Start([.. onLeaving, .. elsewhere], [.. fixture.Admins, leavingClient], target => target == leavingClient);
        await WarmUpAsync(load);

        var terminatedAt = Stopwatch.GetTimestamp();
        await leaving.SendSigtermAsync();
        var exitCode = await leaving.WaitForExitAsync(ProductionGatewaySettings.SigkillAfterSigterm);
        var exitedAt = Stopwatch.GetTimestamp();
        var drain = Stopwatch.GetElapsedTime(terminatedAt, exitedAt);
        var moved = await load.AllAnsweredAfterAsync(exitedAt, onLeaving);
        await Task.Delay(300);
        await load.StopAsync();

        output.WriteLine($"SIGTERM: exit code {exitCode} after {drain.TotalMilliseconds:0} ms; its {onLeaving.Count} students answered {moved.TotalMilliseconds:0} ms after the exit; {load.Retries} requests retried (503 or refused)");
        Assert.Equal(0, exitCode);
        Assert.Empty(load.UnexpectedAnswers);
        Assert.DoesNotContain("gateway-terminated", await fixture.ActiveSilosAsync());
        await AssertEveryEventStoredOnceAsync(load);
    }

    /// <summary>New students until a few are active on <paramref name="silo"/> (the others learn of a new silo within seconds) and a few elsewhere.</summary>
    private async Task<(List<string> OnSilo, List<string> Elsewhere)> PlaceStudentsAsync(string silo)
    {
        var (onSilo, elsewhere) = (new List<string>(), new List<string>());
        var searching = Stopwatch.StartNew();
        for (var i = 0; (onSilo.Count < 3 || elsewhere.Count < 3) && searching.Elapsed < TimeSpan.FromSeconds(60); i++)
        {
            var student = TestTokens.NewId("student");
            var host = (await ThreeGatewayFixture.LocateAsync(fixture.Admins[i % 3], student)).Silo;
            (host == silo ? onSilo : elsewhere).Add(student);
        }

        Assert.NotEmpty(onSilo);
        return (onSilo, [.. elsewhere.Take(3)]);
    }

    /// <summary>Until every writer had an event acknowledged: the load is steady before the gateway goes.</summary>
    private static Task WarmUpAsync(StudentEventLoad load) =>
        load.AllAnsweredAfterAsync(Stopwatch.GetTimestamp(), load.Students);

    private async Task AssertEveryEventStoredOnceAsync(StudentEventLoad load)
    {
        foreach (var student in load.Students)
        {
            var stored = await fixture.StoredStateAsync(student);
            Assert.True(load.EventsOf(student) > 0, $"{student} had no event acknowledged");
            Assert.Equal(load.EventsOf(student), stored.Path("overall.completed_exercises").GetInt32());
        }
    }
}
