using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace MasteryEngine.Gateway.Metrics;

/// <summary>
/// Once the host has started (every endpoint mapped), shows each route's <c>http_requests_total</c> at zero for the
/// status codes it declares (200 when it declares no success), and 500 (any handler can fail), and its <c>http_request_duration_seconds</c> at zero
/// until its first request.
/// </summary>
internal sealed class HttpSeriesSeeding(EndpointDataSource endpoints, HttpMetrics metrics, ZeroHistogramCatalog catalog) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            var route = HttpMetricsMiddleware.RouteOf(endpoint);
            var statusCodes = StatusCodesOf(endpoint);
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get])
            {
                metrics.SeedRoute(method, route, statusCodes);
                catalog.Declare(HttpMetrics.DurationInstrument, HttpMetrics.DurationLabels(method, route));
            }
        }

        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static SortedSet<int> StatusCodesOf(Endpoint endpoint)
    {
        var declared = new SortedSet<int>(endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Select(m => m.StatusCode))
        {
            StatusCodes.Status500InternalServerError,
        };
        if (!declared.Any(code => code is >= 200 and < 300))
        {
            declared.Add(StatusCodes.Status200OK);
        }

        return declared;
    }
}
