using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using MasteryEngine.Grains.Observability;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MasteryEngine.Gateway.Tests.Metrics;

public sealed class MetricsEndpointTests
{
    private static readonly Uri MetricsUri = new("/metrics", UriKind.Relative);

    [Fact]
    public async Task Real_app_metrics_pass_promtool_and_hold_the_series_the_seeds_queries_need()
    {
        await using var factory = new WebApplicationFactory<Program>();
        using var client = factory.CreateClient();
        factory.Services.GetRequiredService<MasteryMetrics>().RecordCalculation("calculate", TimeSpan.FromMilliseconds(2));
        for (var i = 0; i < 3; i++)
        {
            await client.GetAsync(MetricsUri);
            await client.GetAsync(new Uri("/no/such/route", UriKind.Relative));
        }

        using var response = await client.GetAsync(MetricsUri);
        var exposition = await response.Content.ReadAsStringAsync();
        var (exitCode, lint) = await PromTool.CheckMetricsAsync(exposition);
        var samples = ExpositionSample.ParseAll(exposition);

        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.True(exitCode == 0, lint);
        // rate(http_requests_total[5m])
        Assert.Contains(samples, s => s.Name == "http_requests_total" && s.Labels["route"] == "/metrics" && s.Labels["method"] == "GET" && s.Labels["status"] == "200" && s.Value >= 3);
        Assert.Contains(samples, s => s.Name == "http_requests_total" && s.Labels["route"] == "unmatched" && s.Labels["status"] == "404" && s.Value == 3);
        // histogram_quantile(0.95, rate(http_request_duration_seconds_bucket[5m]))
        Assert.Contains(samples, s => s.Name == "http_request_duration_seconds_bucket" && s.Labels["le"] == "+Inf" && s.Labels["route"] == "/metrics");
        Assert.Contains(samples, s => s.Name == "http_request_duration_seconds_bucket" && s.Labels["le"] == "0.005");
        // rate(mastery_calculation_duration_seconds_sum[5m])
        Assert.Contains(samples, s => s.Name == "mastery_calculation_duration_seconds_sum" && s.Value > 0);
        Assert.Contains(samples, s => s.Name == "mastery_calculation_duration_seconds_count" && s.Value == 1);
        // mastery_engine_memory_usage_bytes, and the runtime's own figures
        Assert.Contains(samples, s => s.Name == "mastery_engine_memory_usage_bytes" && s.Value > 0);
        Assert.Contains(samples, s => s.Name == "dotnet_gc_collections_total");
        Assert.Contains(samples, s => s.Name == "http_requests_active" && s.Value >= 1);
    }

    [Fact]
    public async Task Route_label_is_the_route_template_never_the_raw_path()
    {
        await using var app = await ObservedTestApp.StartAsync(web =>
            web.MapGroup("/api/v1").MapGet("/analytics/history/{student_id}", (string student_id) => student_id));

        await app.Client.GetAsync(new Uri("/api/v1/analytics/history/student_42", UriKind.Relative));
        await app.Client.GetAsync(new Uri("/api/v1/analytics/history/student_43", UriKind.Relative));
        var samples = await app.ScrapeAsync();

        var requests = samples.Single(s => s.Name == "http_requests_total" && s.Labels["route"].Contains("history", StringComparison.Ordinal));
        Assert.Equal("/api/v1/analytics/history/{student_id}", requests.Labels["route"]);
        Assert.Equal(2, requests.Value);
        Assert.DoesNotContain(samples, s => s.Labels.Values.Any(v => v.Contains("student_4", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_request_that_throws_is_counted_as_a_500()
    {
        await using var app = await ObservedTestApp.StartAsync(web =>
            web.MapPost("/boom", IResult () => throw new InvalidOperationException("boom")));

        // Depending on the environment the exception reaches the client or becomes a 500 page; either way it is a 500.
        await Record.ExceptionAsync(() => app.Client.PostAsync(new Uri("/boom", UriKind.Relative), null));
        var samples = await app.ScrapeAsync();

        Assert.Contains(samples, s => s.Name == "http_requests_total" && s.Labels["route"] == "/boom" && s.Labels["status"] == "500" && s.Value == 1);
    }

    [Fact]
    public async Task Detailed_metrics_report_routes_error_rate_and_circuit_breakers()
    {
        await using var app = await ObservedTestApp.StartAsync(web =>
        {
            web.MapGet("/ok", () => "ok");
            web.MapGet("/fail", () => Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
        });
        var meter = app.Services.GetRequiredService<IMeterFactory>().Create("MasteryEngine.Storage");
        meter.CreateObservableGauge("circuit_breaker_state", () => new Measurement<int>(1, new KeyValuePair<string, object?>("name", "redis")));
        for (var i = 0; i < 3; i++)
        {
            await app.Client.GetAsync(new Uri("/ok", UriKind.Relative));
        }

        await app.Client.GetAsync(new Uri("/fail", UriKind.Relative));

        using var response = await app.Client.GetAsync(new Uri("/metrics/detailed", UriKind.Relative));
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = report.RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, root.GetProperty("active_requests").GetInt64());
        Assert.Equal(4, root.GetProperty("total_requests").GetInt64());
        Assert.Equal(0.25, root.GetProperty("error_rate").GetDouble());
        Assert.False(root.TryGetProperty("cache_hit_ratio", out _));
        Assert.Equal("open", root.GetProperty("circuit_breakers").GetProperty("redis").GetString());
        var ok = root.GetProperty("routes").EnumerateArray().Single(r => r.GetProperty("route").GetString() == "/ok");
        Assert.Equal("GET", ok.GetProperty("method").GetString());
        Assert.Equal(3, ok.GetProperty("count").GetInt64());
        Assert.Equal(0, ok.GetProperty("errors").GetInt64());
        Assert.True(ok.GetProperty("p95_ms").GetDouble() > 0);
        Assert.True(ok.GetProperty("p99_ms").GetDouble() >= ok.GetProperty("p50_ms").GetDouble());
    }

    [Fact]
    public async Task Detailed_metrics_without_breaker_instruments_say_so()
    {
        await using var app = await ObservedTestApp.StartAsync(_ => { });

        using var report = JsonDocument.Parse(await app.Client.GetStringAsync(new Uri("/metrics/detailed", UriKind.Relative)));

        Assert.Empty(report.RootElement.GetProperty("circuit_breakers").EnumerateObject());
    }
}
