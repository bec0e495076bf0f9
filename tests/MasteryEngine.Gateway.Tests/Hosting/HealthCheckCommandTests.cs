using System.Net;
using System.Net.Sockets;
using MasteryEngine.Gateway.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace MasteryEngine.Gateway.Tests.Hosting;

public sealed class HealthCheckCommandTests
{
    [Theory]
    [InlineData(StatusCodes.Status200OK, 0)]
    [InlineData(StatusCodes.Status503ServiceUnavailable, 1)]
    public async Task Exit_code_follows_the_health_endpoint(int healthStatus, int expectedExitCode)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapGet("/health", () => Results.StatusCode(healthStatus));
        await app.StartAsync();
        var port = new Uri(app.Urls.Single()).Port;

        var exitCode = await HealthCheckCommand.RunAsync(port);

        Assert.Equal(expectedExitCode, exitCode);
    }

    [Fact]
    public async Task Nothing_listening_means_unhealthy()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        Assert.Equal(1, await HealthCheckCommand.RunAsync(port));
    }

    [Fact]
    public void Only_the_healthcheck_argument_selects_the_command()
    {
        Assert.True(HealthCheckCommand.IsRequested(["healthcheck"]));
        Assert.False(HealthCheckCommand.IsRequested([]));
        Assert.False(HealthCheckCommand.IsRequested(["token", "healthcheck"]));
    }
}
