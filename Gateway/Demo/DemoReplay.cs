using MasteryEngine.Gateway.Options;
using MasteryEngine.Gateway.Security;

namespace MasteryEngine.Gateway.Demo;

/// <summary>
/// Replays a demo cohort into a gateway whose clock is <c>clock</c>: the clock is on the first day (set before
/// the gateway starts, see <see cref="FirstDay"/>), each day's events go through the HTTP API and are applied
/// before the clock moves on, and it ends on today. The clock only ever moves forward.
/// </summary>
public static class DemoReplay
{
    public static DateOnly FirstDay(DemoDataArguments arguments) =>
        DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(1 - arguments.Days);

    public static async Task<(DemoCohort Cohort, DemoSeedReport Report)> RunAsync(
        HttpClient http, DemoClock clock, JwtOptions jwt, DemoDataArguments arguments, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var cohort = DemoCohortPlan.Create(today, arguments.Students, arguments.Days, arguments.Seed);

        // Tokens minted on the first replayed day and valid past today pass validation on either clock.
        clock.SetDay(today.AddDays(1 - arguments.Days));
        var issuer = new TokenIssuer(jwt, clock);
        var lifetime = TimeSpan.FromDays(arguments.Days + 1);
        var seeder = new DemoDataSeeder(http, (sub, role, cohorts) => issuer.Issue(sub, [role], cohorts, lifetime));
        try
        {
            var report = await seeder.SeedAsync(cohort, today, (day, _) =>
            {
                clock.SetDay(day);
                return Task.CompletedTask;
            }, cancellationToken);
            return (cohort, report);
        }
        finally
        {
            clock.SetDay(today);
        }
    }
}
