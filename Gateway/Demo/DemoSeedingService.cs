using MasteryEngine.Gateway.Options;
using MasteryEngine.Gateway.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Gateway.Demo;

/// <summary>Once the server listens, replays the demo cohort into it through its own HTTP API (see <see cref="DemoMode"/>).</summary>
public sealed partial class DemoSeedingService(
    IServer server, IHostApplicationLifetime lifetime, DemoClock clock, IOptions<JwtOptions> jwt, ILogger<DemoSeedingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        var address = new Uri(server.Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        var arguments = DemoDataArguments.Default;
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var cohort = DemoCohortPlan.Create(today, arguments.Students, arguments.Days, arguments.Seed);

        // Tokens minted on the first replayed day and valid past today pass validation on either clock.
        clock.SetDay(today.AddDays(1 - arguments.Days));
        var issuer = new TokenIssuer(jwt.Value, clock);
        var lifetimeOfTokens = TimeSpan.FromDays(arguments.Days + 1);
        using var http = new HttpClient { BaseAddress = address };
        var seeder = new DemoDataSeeder(http, (sub, role, cohorts) => issuer.Issue(sub, [role], cohorts, lifetimeOfTokens));
        LogSeeding(logger, cohort.Students.Count, cohort.Events.Count, arguments.Days);
        try
        {
            await seeder.SeedAsync(cohort, today, (day, _) =>
            {
                clock.SetDay(day);
                return Task.CompletedTask;
            }, stoppingToken);
        }
        finally
        {
            clock.SetDay(today);
        }

        LogReady(logger, new Uri(address, "/app/"), cohort.TeacherId, cohort.Students[0].StudentId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "demo: replaying {Students} students and {Events} events over {Days} days on a simulated clock")]
    private static partial void LogSeeding(ILogger logger, int students, int events, int days);

    [LoggerMessage(Level = LogLevel.Information, Message = "demo: ready at {Url}; sign in as {Teacher} (teacher), {Student} (student) or any admin id")]
    private static partial void LogReady(ILogger logger, Uri url, string teacher, string student);
}
