using System.Net;
using MasteryEngine.Gateway.Hosting;
using MasteryEngine.Gateway.Options;
using MasteryEngine.Gateway.Security;
using MasteryEngine.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Gateway.Tests.Security;

/// <summary>The public development secret is accepted only in Development and only while listening on loopback; `/` tells anonymous callers nothing about the deployment.</summary>
public sealed class EnvironmentProtectionTests
{
    [Theory]
    [InlineData("http://0.0.0.0:8005")]
    [InlineData("http://*:8005")]
    [InlineData("http://+:8005")]
    [InlineData("http://127.0.0.1:8005;http://0.0.0.0:8006")]
    [InlineData("http://[::]:8005")]
    public void Development_listening_beyond_loopback_without_a_secret_refuses_to_start(string urls)
    {
        using var factory = new GatewayFactory("Development", new Dictionary<string, string?> { ["JWT_SECRET"] = "", ["urls"] = urls });

        var failure = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("JWT_SECRET is not set", failure.Message, StringComparison.Ordinal);
        Assert.Contains("loopback", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Development_listening_on_every_port_of_every_interface_without_a_secret_refuses_to_start()
    {
        using var factory = new GatewayFactory("Development", new Dictionary<string, string?> { ["JWT_SECRET"] = "", ["http_ports"] = "8005" });

        Assert.Throws<OptionsValidationException>(() => factory.CreateClient());
    }

    [Fact]
    public async Task Development_binds_loopback_by_default_and_then_accepts_the_development_secret()
    {
        using var factory = new GatewayFactory("Development", new Dictionary<string, string?> { ["JWT_SECRET"] = "" });
        var token = new TokenIssuer(new JwtOptions { Secret = JwtOptions.DevelopmentSecret }, TimeProvider.System)
            .Issue("admin_dev", [MasteryRoles.Admin], [], TimeSpan.FromMinutes(5));

        var (status, _) = await factory.ClientFor(token).PostAsync("/api/v1/mastery/calculate", """{"student_id": "s1"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("http://127.0.0.1:8005", factory.Services.GetRequiredService<IConfiguration>()["urls"]);
    }

    [Fact]
    public async Task Service_info_shows_the_environment_to_authenticated_callers_only()
    {
        using var factory = new GatewayFactory();

        var (_, anonymous) = await factory.CreateClient().GetJsonAsync("/");
        var (_, authenticated) = await factory.ClientFor(TestTokens.Student(TestTokens.NewId("student"))).GetJsonAsync("/");

        Assert.False(anonymous.TryGetProperty("environment", out _), anonymous.GetRawText());
        Assert.Equal("mastery-engine", anonymous.GetProperty("name").GetString());
        Assert.Equal("Development", authenticated.GetProperty("environment").GetString());
    }

    [Theory]
    [InlineData(null, null, null, null, "Development", "Development")]
    [InlineData("Production", null, null, null, "Development", null)]
    [InlineData(null, "Production", null, null, "Development", null)]
    [InlineData(null, null, "production", null, "Development", null)]
    [InlineData(null, null, null, "--environment=Staging", "Development", null)]
    [InlineData(null, null, null, null, null, null)]
    public void Launch_profile_default_counts_only_when_the_operator_names_no_environment(
        string? aspnetcore, string? dotnet, string? seeds, string? arg, string? launchDefault, string? expected)
    {
        var variables = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = aspnetcore,
            ["DOTNET_ENVIRONMENT"] = dotnet,
            ["ENVIRONMENT"] = seeds,
            [LaunchEnvironment.Variable] = launchDefault,
        };

        Assert.Equal(expected, LaunchEnvironment.DefaultFor(arg is null ? [] : [arg], name => variables.GetValueOrDefault(name)));
    }

    [Theory]
    [InlineData("http://127.0.0.1:8005", true)]
    [InlineData("http://127.0.0.2:8005", true)]
    [InlineData("http://localhost:8005", true)]
    [InlineData("http://[::1]:8005", true)]
    [InlineData("http://unix:/tmp/gateway.sock", true)]
    [InlineData("http://0.0.0.0:8005", false)]
    [InlineData("http://*:8005", false)]
    [InlineData("http://[::]:8005", false)]
    [InlineData("http://10.0.0.5:8005", false)]
    [InlineData("http://gateway.example:8005", false)]
    [InlineData("not a url", false)]
    public void Loopback_addresses_are_recognised(string url, bool loopback) =>
        Assert.Equal(loopback, ListenAddresses.IsLoopback(url));
}
