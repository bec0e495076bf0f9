using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MasteryEngine.Gateway.Tests.Infrastructure;

namespace MasteryEngine.Gateway.Tests.OpenApi;

/// <summary>One gateway on a random loopback port and one headless chromium, shared by the browser tests.</summary>
public sealed class SwaggerUiFixture : IAsyncLifetime
{
    private readonly GatewayFactory gateway = new();
    private IPlaywright? playwright;
    private IBrowser? browser;
    private string baseUrl = "";

    public async Task InitializeAsync()
    {
        gateway.UseKestrel(0);
        gateway.StartServer();
        baseUrl = gateway.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true });
    }

    /// <summary>A fresh page (its own storage, so no token carries over) on Swagger UI.</summary>
    public async Task<IPage> OpenDocsAsync()
    {
        var context = await browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{baseUrl}/docs/index.html");
        return page;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        await gateway.DisposeAsync();
    }
}
