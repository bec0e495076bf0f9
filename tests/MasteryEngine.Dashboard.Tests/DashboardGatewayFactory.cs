using MasteryEngine.Gateway.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace MasteryEngine.Dashboard.Tests;

/// <summary>
/// The real gateway in Development (so with the development secret and the dashboard's dev sign-in) on a real
/// Kestrel port on loopback, where a browser can reach it; its clock is a <see cref="DemoClock"/> so the
/// demo replay can give every seeded day its own snapshot. Rate limiting is off so the tests do not throttle
/// each other.
/// </summary>
public sealed class DashboardGatewayFactory : WebApplicationFactory<Program>
{
    public DashboardGatewayFactory()
    {
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
    }

    public DemoClock Clock { get; } = new(TimeProvider.System);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("RATE_LIMIT_ENABLED", "false");
        builder.UseSetting("LOG_LEVEL", "Warning");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(Clock);
            services.AddSingleton<TimeProvider>(Clock);
        });
    }
}
