using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using MasteryEngine.Gateway.Metrics;
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

        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(response.Content.Headers.ContentType.Parameters, p => p.Name == "version" && p.Value == "0.0.4");
        Assert.True(exitCode == 0, lint);
        // rate(http_requests_total[5m])
        Assert.Contains(samples, s => s.Name == "http_requests_total" && s.Labels["route"] == "/metrics" && s.Labels["method"] == "GET" && s.Labels["status"] == "200" && s.Value >= 3);
        Assert.Contains(samples, s => s.Name == "http_requests_total" && s.Labels["route"] == "unmatched" && s.Labels["status"] == "404" && s.Value == 3);
        // histogram_quantile(0.95, rate(http_request_duration_seconds_bucket[5m]))
        Assert.Contains(samples, s => s.Name == "http_request_duration_seconds_bucket" && s.Labels["le"] == "+Inf" && s.Labels["route"] == "/metrics");
        // Buckets suited to milliseconds, not the SDK's 0, 5, 10, ... defaults.
        Assert.Contains(samples, s => s.Name == "http_request_duration_seconds_bucket" && s.Labels["le"] == "0.001");
        Assert.Contains(samples, s => s.Name == "http_request_duration_seconds_bucket" && s.Labels["le"] == "0.005");
        Assert.DoesNotContain(samples, s => s.Labels.ContainsKey("otel_scope_name"));
        // rate(mastery_calculation_duration_seconds_sum[5m])
        Assert.Contains(samples, s => s.Name == "mastery_calculation_duration_seconds_sum" && s.Value > 0);
        Assert.Contains(samples, s => s.Name == "mastery_calculation_duration_seconds_count" && s.Value == 1);
        // mastery_engine_memory_usage_bytes, and the runtime's own figures
        Assert.Contains(samples, s => s.Name == "mastery_engine_memory_usage_bytes" && s.Value > 0);
        Assert.Contains(samples, s => s.Name == "dotnet_gc_collections_total");
        Assert.Contains(samples, s => s.Name == "http_requests_active" && s.Value >= 1);
    }

    [Fact]
    public async Task A_fresh_process_exposes_the_gauges_the_runbooks_name_before_any_traffic_and_passes_promtool()
    {
        await using var factory = new WebApplicationFactory<Program>();
        using var client = factory.CreateClient();

        var exposition = await client.GetStringAsync(MetricsUri);
        var (exitCode, lint) = await PromTool.CheckMetricsAsync(exposition);
        var samples = ExpositionSample.ParseAll(exposition);

        Assert.True(exitCode == 0, lint);
        Assert.Contains(samples, s => s.Name == "http_requests_active" && s.Labels.Count == 0);
        Assert.Contains(samples, s => s.Name == "mastery_engine_memory_usage_bytes" && s.Value > 0);
        Assert.Contains(samples, s => s.Name == "dotnet_process_memory_working_set_bytes");
        Assert.Contains(samples, s => s.Name == "dotnet_gc_collections_total");
        Assert.Contains(samples, s => s.Name == "dotnet_thread_pool_thread_count_total");
        Assert.Contains(samples, s => s.Name == "dotnet_timers");
        // Orleans' own meter, its instruments in non-base units left out (promtool above would reject them).
        Assert.Contains(samples, s => s.Name.StartsWith("orleans_", StringComparison.Ordinal));
        Assert.DoesNotContain(samples, s => s.Name.Contains("_milliseconds", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_hosts_in_one_process_do_not_count_each_others_requests()
    {
        await using var first = await ObservedTestApp.StartAsync(web => web.MapGet("/first", () => "1"));
        await using var second = await ObservedTestApp.StartAsync(web => web.MapGet("/second", () => "2"));

        await first.Client.GetAsync(new Uri("/first", UriKind.Relative));
        await first.Client.GetAsync(new Uri("/first", UriKind.Relative));
        await second.Client.GetAsync(new Uri("/second", UriKind.Relative));
        var firstSamples = await first.ScrapeAsync();
        var secondSamples = await second.ScrapeAsync();

        Assert.Equal(2, firstSamples.Single(s => s.Name == "http_requests_total" && s.Labels["route"] == "/first" && s.Labels["status"] == "200").Value);
        Assert.DoesNotContain(firstSamples, s => s.Labels.GetValueOrDefault("route") == "/second");
        Assert.Equal(1, secondSamples.Single(s => s.Name == "http_requests_total" && s.Labels["route"] == "/second" && s.Labels["status"] == "200").Value);
        Assert.DoesNotContain(secondSamples, s => s.Labels.GetValueOrDefault("route") == "/first");
    }

    [Fact]
    public async Task Configured_histogram_buckets_replace_the_defaults_for_seconds_histograms()
    {
        await using var app = await ObservedTestApp.StartAsync(web => web.MapGet("/ok", () => "ok"), new Dictionary<string, string?>
        {
            ["Metrics:HistogramBuckets:0"] = "0.5",
            ["Metrics:HistogramBuckets:1"] = "2",
        });

        await app.Client.GetAsync(new Uri("/ok", UriKind.Relative));
        var samples = await app.ScrapeAsync();

        var bounds = samples.Where(s => s.Name == "http_request_duration_seconds_bucket" && s.Labels["route"] == "/ok").Select(s => s.Labels["le"]);
        Assert.Equal(["0.5", "2", "+Inf"], bounds);
    }

    [Fact]
    public async Task Route_label_is_the_route_template_never_the_raw_path()
    {
        await using var app = await ObservedTestApp.StartAsync(web =>
            web.MapGroup("/api/v1").MapGet("/analytics/history/{student_id}", (string student_id) => student_id));

        await app.Client.GetAsync(new Uri("/api/v1/analytics/history/student_42", UriKind.Relative));
        await app.Client.GetAsync(new Uri("/api/v1/analytics/history/student_43", UriKind.Relative));
        var samples = await app.ScrapeAsync();

        var requests = samples.Single(s => s.Name == "http_requests_total" && s.Labels["route"].Contains("history", StringComparison.Ordinal) && s.Labels["status"] == "200");
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
        meter.CreateObservableGauge(DetailedMetricsReport.CircuitBreakerInstrument, () => new Measurement<int>(1, new KeyValuePair<string, object?>("name", "redis")));
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
