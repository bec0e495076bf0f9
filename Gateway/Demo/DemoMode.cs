namespace MasteryEngine.Gateway.Demo;

/// <summary>
/// <c>dotnet run --project Gateway -- demo</c>: the gateway as <c>dotnet run</c> starts it, which then seeds
/// the demo cohort into itself over HTTP while its clock replays the weeks day by day, so every day gets its
/// real snapshot and the dashboard opens on trends and predictions. Development only.
/// </summary>
public static class DemoMode
{
    public static bool IsInvoked(string[] args) => args is ["demo", ..];

    public static WebApplicationBuilder AddDemoMode(this WebApplicationBuilder builder, string[] args)
    {
        if (!IsInvoked(args))
        {
            return builder;
        }

        if (!builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException("demo runs only in Development: it moves the server's clock while it seeds.");
        }

        // The replay sends a few thousand requests in seconds from one user per student; the limit stays on, higher.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["RateLimiting:PermitLimit"] = "5000" });
        var clock = new DemoClock(TimeProvider.System);
        // The clock starts on the first replayed day before the host does and only moves forward from there:
        // Orleans schedules activation collection on the same clock and refuses times earlier than it has seen.
        clock.SetDay(DemoReplay.FirstDay(DemoDataArguments.Default));
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddHostedService<DemoSeedingService>();
        return builder;
    }
}
