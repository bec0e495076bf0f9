using System.Net;
using MasteryEngine.Gateway.Tests.Infrastructure;

namespace MasteryEngine.Gateway.Tests;

public sealed class ServiceEndpointTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    [Fact]
    public async Task Health_answers_healthy_without_a_token()
    {
        var (status, body) = await factory.CreateClient().GetJsonAsync("/health");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_reports_each_dependency_without_a_token()
    {
        var (status, body) = await factory.CreateClient().GetJsonAsync("/ready");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ready", body.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Object, body.GetProperty("dependencies").ValueKind);
    }

    [Fact]
    public async Task Root_names_the_service_its_version_and_mode()
    {
        var (status, body) = await factory.CreateClient().GetJsonAsync("/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("mastery-engine", body.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("version").GetString()));
        Assert.Equal("memory", body.Path("mode.storage").GetString());
        Assert.Equal("memory", body.Path("mode.stream").GetString());
    }

    [Fact]
    public async Task OpenApi_document_describes_the_versioned_routes()
    {
        var (status, body) = await factory.CreateClient().GetJsonAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, status);
        var paths = body.GetProperty("paths");
        foreach (var path in new[]
                 {
                     "/api/v1/mastery/query", "/api/v1/mastery/calculate", "/api/v1/mastery/ingest",
                     "/api/v1/predictions/next-week", "/api/v1/recommendations/adaptive", "/api/v1/batch/mastery",
                     "/api/v1/batch/status/{batch_id}", "/api/v1/analytics/history/{student_id}",
                     "/api/v1/analytics/cohorts/{cohort_id}", "/api/v1/analytics/cohorts/compare", "/api/v1/process",
                     "/api/v1/compliance/export/{student_id}", "/api/v1/compliance/student/{student_id}",
                 })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the OpenAPI document");
        }
    }

    [Fact]
    public async Task Docs_serve_the_swagger_ui_without_a_token()
    {
        using var response = await factory.CreateClient().GetAsync("/docs/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Unknown_route_is_a_404_problem()
    {
        using var response = await factory.CreateClient().GetAsync("/api/v1/no/such/route");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
