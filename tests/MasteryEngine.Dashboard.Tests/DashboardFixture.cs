using MasteryEngine.Gateway.Demo;
using MasteryEngine.Gateway.Options;
using MasteryEngine.Gateway.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MasteryEngine.Dashboard.Tests;

/// <summary>
/// One gateway seeded with the demo cohort (by the demo command's own replay) and one Debian chromium,
/// shared by every dashboard test. Each test opens its own browser context, so sessions never mix.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private static readonly DemoDataArguments Demo = new(new Uri("http://127.0.0.1"), 12, 28, 7);

    private readonly DashboardGatewayFactory factory = new();
    private IPlaywright? playwright;

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public DemoCohort Cohort { get; private set; } = null!;

    public string ScreenshotDirectory { get; } = Artifacts.Directory("screenshots");

    public string AxeSource { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vendor", "axe.min.js"));

    public async Task InitializeAsync()
    {
        factory.Clock.SetDay(DemoReplay.FirstDay(Demo));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        using var http = new HttpClient { BaseAddress = BaseAddress };
        (Cohort, _) = await DemoReplay.RunAsync(http, factory.Clock, Jwt(), Demo, CancellationToken.None);

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await factory.DisposeAsync();
    }

    /// <summary>An HTTP client of the API with a token for this user, to read the values the page must show.</summary>
    public HttpClient ApiAs(string subject, string role, params string[] cohorts)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", new TokenIssuer(Jwt(), TimeProvider.System).Issue(subject, [role], cohorts, TimeSpan.FromHours(1)));
        return client;
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BaseURL = BaseAddress.ToString(),
        });
        return await context.NewPageAsync();
    }

    private static JwtOptions Jwt() => new() { Secret = JwtOptions.DevelopmentSecret };
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
