using System.Net;
using MasteryEngine.Gateway.Options;
using MasteryEngine.Gateway.Tests.Hosting;
using MasteryEngine.Gateway.Tests.Infrastructure;
using MasteryEngine.Testing;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Gateway.Tests;

public sealed class StartupTests
{
    [Fact]
    public void Production_without_a_jwt_secret_refuses_to_start_and_says_why()
    {
        using var factory = new GatewayFactory("Production", new Dictionary<string, string?> { ["JWT_SECRET"] = "" });

        var failure = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("JWT_SECRET is not set", failure.Message);
    }

    [Fact]
    public void Production_with_a_short_jwt_secret_refuses_to_start_and_says_why()
    {
        using var factory = new GatewayFactory("Production", new Dictionary<string, string?> { ["JWT_SECRET"] = "dev-secret" });

        var failure = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("at least 32", failure.Message);
    }

    [Fact]
    public async Task Production_with_a_long_secret_starts_and_accepts_tokens_signed_with_it()
    {
        using var factory = new GatewayFactory("Production", new Dictionary<string, string?>());

        var (status, _) = await factory.ClientFor(TestTokens.Admin()).PostAsync("/api/v1/mastery/calculate", """{"student_id": "s1"}""");

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Development_without_a_secret_uses_the_documented_development_secret()
    {
        using var factory = new GatewayFactory("Development", new Dictionary<string, string?> { ["JWT_SECRET"] = "" });
        var token = TestTokens.Create(new() { ["sub"] = "admin_dev", ["roles"] = new[] { "admin" } }, secret: JwtOptions.DevelopmentSecret);

        var (status, _) = await factory.ClientFor(token).PostAsync("/api/v1/mastery/calculate", """{"student_id": "s1"}""");

        Assert.Equal(HttpStatusCode.OK, status);
    }

    /// <summary>
    /// The real process, as an operator starts it: in process, WebApplicationFactory races the app's own disposal
    /// of a host that failed to start and sometimes reports an ObjectDisposedException instead of the cause.
    /// </summary>
    [Theory]
    [InlineData("STORAGE_PROVIDER", "mongodb", "STORAGE_PROVIDER must be one of")]
    [InlineData("STREAM_PROVIDER", "rabbitmq", "STREAM_PROVIDER must be one of")]
    [InlineData("MAX_REQUEST_BODY_BYTES", "12", "MAX_REQUEST_BODY_BYTES must be between")]
    [InlineData("GDPR_RETENTION_DAYS", "0", "GDPR_RETENTION_DAYS")]
    [InlineData("RateLimiting__PermitLimit", "0", "RateLimiting:PermitLimit must be at least 1")]
    [InlineData("MAX_CONCURRENT_REQUESTS", "0", "MAX_CONCURRENT_REQUESTS must be a whole number of at least 1")]
    [InlineData("MAX_CONCURRENT_REQUESTS", "many", "MAX_CONCURRENT_REQUESTS must be a whole number of at least 1")]
    [InlineData("Xapi__HomePage", "not-an-iri", "Xapi:HomePage must be an absolute http(s) IRI")]
    public async Task Invalid_setting_refuses_to_start_with_a_message_naming_it(string variable, string value, string message)
    {
        var settings = ProductionGatewaySettings.Create();
        settings[variable] = value;

        var (exitCode, output) = await GatewayProcess.RunUntilExitAsync(settings);

        Assert.NotEqual(0, exitCode);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retention_setting_bounds_the_history_window()
    {
        using var factory = new GatewayFactory("Development", new Dictionary<string, string?> { ["GDPR_RETENTION_DAYS"] = "10" });
        var admin = factory.ClientFor(TestTokens.Admin());
        await admin.CalculateAsync("s1", 0.5, 0.5, 0.5, 0.5);

        var (allowed, _) = await admin.GetJsonAsync("/api/v1/analytics/history/s1?days=10");
        using var refused = await admin.GetAsync("/api/v1/analytics/history/s1?days=11");

        Assert.Equal(HttpStatusCode.OK, allowed);
        await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Body_limit_follows_the_setting()
    {
        using var factory = new GatewayFactory("Development", new Dictionary<string, string?> { ["MAX_REQUEST_BODY_BYTES"] = "2048" });
        var padding = new string('x', 3000);

        using var response = await factory.ClientFor(TestTokens.Admin())
            .PostJsonAsync("/api/v1/mastery/query", $$"""{"student_id": "s1", "padding": "{{padding}}"}""");

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }
}
