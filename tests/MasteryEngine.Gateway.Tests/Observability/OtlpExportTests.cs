using System.Collections.Concurrent;
using MasteryEngine.Gateway.Tests.Metrics;
using MasteryEngine.Silo.Observability;
using MasteryEngine.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace MasteryEngine.Gateway.Tests.Observability;

public sealed class OtlpExportTests
{
    [Fact]
    public async Task Traces_and_metrics_are_exported_over_otlp_when_an_endpoint_is_set()
    {
        var received = new ConcurrentQueue<string>();
        await using var collector = await StartCollectorAsync(received);
        var app = await ObservedTestApp.StartAsync(web => web.MapGet("/traced", () =>
        {
            using var span = MasteryActivitySource.Instance.StartActivity("grain-call");
            return "ok";
        }), new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Urls.Single(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });

        await app.Client.GetAsync(new Uri("/traced", UriKind.Relative));
        // Disposing the host disposes the providers, which flushes both signals.
        await app.DisposeAsync();

        await Eventually.UntilAsync(
            () => received.Contains("/v1/traces") && received.Contains("/v1/metrics"),
            TimeSpan.FromSeconds(30),
            "the OTLP collector received traces and metrics");
    }

    [Fact]
    public async Task Nothing_is_exported_without_an_endpoint()
    {
        await using var app = await ObservedTestApp.StartAsync(_ => { });

        Assert.Null(app.Services.GetService<TracerProvider>());
    }

    private static async Task<WebApplication> StartCollectorAsync(ConcurrentQueue<string> received)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var collector = builder.Build();
        collector.MapPost("/v1/{signal}", async (HttpContext context) =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            received.Enqueue(context.Request.Path.Value!);
            return Results.Ok();
        });
        await collector.StartAsync();
        return collector;
    }
}
