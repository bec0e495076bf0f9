using System.Net;
using System.Text;
using MasteryEngine.Gateway.Dashboard;
using MasteryEngine.Gateway.Options;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace MasteryEngine.Dashboard.Tests;

[Collection(DashboardCollection.Name)]
public sealed class DevTokenEndpointTests(DashboardFixture fixture)
{
    [Theory]
    [InlineData("Development", JwtOptions.DevelopmentSecret, "127.0.0.1", true)]
    [InlineData("Development", JwtOptions.DevelopmentSecret, "::1", true)]
    [InlineData("Production", JwtOptions.DevelopmentSecret, "127.0.0.1", false)]
    [InlineData("Staging", JwtOptions.DevelopmentSecret, "127.0.0.1", false)]
    [InlineData("Development", "a-real-secret-of-at-least-thirty-two-bytes", "127.0.0.1", false)]
    [InlineData("Development", JwtOptions.DevelopmentSecret, "10.0.0.7", false)]
    public void The_dev_sign_in_exists_only_in_Development_with_the_development_secret_on_loopback(string environment, string secret, string caller, bool available)
    {
        var host = new HostEnvironment(environment);
        Assert.Equal(available, DevTokenEndpoint.IsAvailable(host, new JwtOptions { Secret = secret }, IPAddress.Parse(caller)));
    }

    [Fact]
    public async Task A_loopback_caller_in_Development_gets_a_token_for_a_valid_role_and_a_problem_for_an_invalid_one()
    {
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress };
        Assert.Equal(HttpStatusCode.NoContent, (await http.GetAsync("/app/dev-token")).StatusCode);

        using var ok = await http.PostAsync("/app/dev-token", Json("""{"sub":"teacher_9","role":"teacher","cohorts":["cohort_a"]}"""));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("\"token\":\"ey", await ok.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var badRole = await http.PostAsync("/app/dev-token", Json("""{"sub":"x","role":"root"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.Equal("application/problem+json", badRole.Content.Headers.ContentType?.MediaType);
        Assert.Contains("role must be student, teacher or admin", await badRole.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var notJson = await http.PostAsync("/app/dev-token", new StringContent("sub=x", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        using var malformed = await http.PostAsync("/app/dev-token", Json("{\"sub\":"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task The_app_is_served_under_app_only_with_a_policy_that_forbids_other_origins_and_inline_script()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.BaseAddress };
        using var redirect = await http.GetAsync("/app");
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);

        using var page = await http.GetAsync("/app/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var policy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/index.html")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/vendor/chart.umd.min.js")).StatusCode);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private sealed class HostEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "test";

        public string ContentRootPath { get; set; } = "/";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
