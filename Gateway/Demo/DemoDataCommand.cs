using System.Globalization;
using System.Net.Sockets;
using MasteryEngine.Gateway.Extensions;
using MasteryEngine.Gateway.Options;
using MasteryEngine.Gateway.Security;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Gateway.Demo;

/// <summary>
/// <c>dotnet run --project Gateway -- demo-data [--url http://localhost:8005] [--students 16] [--days 35] [--seed 7]</c>:
/// seeds the demo cohort into a running gateway through its public API, signing tokens with the secret that
/// gateway uses (same appsettings, environment and <c>JWT_SECRET</c> as the <c>token</c> command).
/// </summary>
public static class DemoDataCommand
{
    private const string Usage = "usage: demo-data [--url http://localhost:8005] [--students 1..24] [--days 1..90] [--seed n]";

    public static bool IsInvoked(string[] args) => args is ["demo-data", ..];

    public static async Task<int> RunAsync(string[] args)
    {
        if (!DemoDataArguments.TryParse(args[1..], out var arguments, out var error))
        {
            await Console.Error.WriteLineAsync(error + Environment.NewLine + Usage);
            return 2;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.AddGatewayOptions();
        using var app = builder.Build();
        JwtOptions jwt;
        try
        {
            jwt = app.Services.GetRequiredService<IOptions<JwtOptions>>().Value;
        }
        catch (OptionsValidationException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 2;
        }

        var issuer = new TokenIssuer(jwt, TimeProvider.System);
        using var http = new HttpClient { BaseAddress = arguments.Url, Timeout = TimeSpan.FromSeconds(30) };
        var seeder = new DemoDataSeeder(http, (sub, role, cohorts) => issuer.Issue(sub, [role], cohorts, TimeSpan.FromHours(2)));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var cohort = DemoCohortPlan.Create(today, arguments.Students, arguments.Days, arguments.Seed);
        Console.WriteLine($"Seeding {cohort.Students.Count} students ({string.Join(", ", cohort.CohortIds)}) with {cohort.Events.Count} events over {arguments.Days} days into {arguments.Url} ...");
        try
        {
            var report = await seeder.SeedAsync(cohort, today, beginDay: null, CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded {report.Students} students and {report.Events} events dated {report.From:yyyy-MM-dd} to {report.To:yyyy-MM-dd}."));
        }
        catch (HttpRequestException exception) when (exception.InnerException is SocketException)
        {
            await Console.Error.WriteLineAsync($"Cannot reach {arguments.Url}: start the gateway first (dotnet run --project Gateway).");
            return 1;
        }
        catch (DemoSeedingException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 1;
        }

        Console.WriteLine($"Open {new Uri(arguments.Url, "/app/")} and sign in as {cohort.TeacherId} (teacher of {string.Join(",", cohort.CohortIds)}), {cohort.Students[0].StudentId} (student) or an admin.");
        Console.WriteLine("The events carry their own dates, but the API records each daily snapshot on the server's clock, so this run adds today's snapshot only; trends and predictions need 3 or more days of snapshots (run it again on later days, or use `dotnet run --project Gateway -- demo`, which replays the weeks on a simulated clock).");
        return 0;
    }
}
