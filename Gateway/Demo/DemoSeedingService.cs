using MasteryEngine.Gateway.Options;
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

        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("demo: the server reports no address to seed through.");
        var address = new Uri(listening.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        var arguments = DemoDataArguments.Default;
        LogSeeding(logger, arguments.Students, arguments.Days);
        using var http = new HttpClient { BaseAddress = address };
        var (cohort, report) = await DemoReplay.RunAsync(http, clock, jwt.Value, arguments, stoppingToken);
        LogReady(logger, report.Events, new Uri(address, "/app/"), cohort.TeacherId, cohort.Students[0].StudentId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "demo: replaying {Students} students over {Days} days on a simulated clock")]
    private static partial void LogSeeding(ILogger logger, int students, int days);

    [LoggerMessage(Level = LogLevel.Information, Message = "demo: {Events} events replayed; ready at {Url}; sign in as {Teacher} (teacher), {Student} (student) or any admin id")]
    private static partial void LogReady(ILogger logger, int events, Uri url, string teacher, string student);
}
