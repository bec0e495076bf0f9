using System.Globalization;
using System.Threading.RateLimiting;
using MasteryEngine.Gateway.Infrastructure;
using MasteryEngine.Gateway.Options;
using MasteryEngine.Gateway.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Gateway.Extensions;

public static class RateLimitingExtensions
{
    /// <summary>
    /// A fixed window per client (the token's user id, else the remote address) on every route, probes included
    /// as the seeds' checklist expects: 50 requests a minute by default (<c>RateLimiting:PermitLimit</c>,
    /// <c>RateLimiting:Window</c>), paths exempted by <c>RATE_LIMIT_EXEMPT_PATHS</c>, off with
    /// <c>RATE_LIMIT_ENABLED=false</c>. The counts live in this process: the limit is per pod.
    /// </summary>
    public static IServiceCollection AddGatewayRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = WriteRejectionAsync;
        });
        services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<GatewayRateLimitOptions>, TimeProvider>((options, limits, time) => options.GlobalLimiter = CreateLimiter(limits.Value, time));
        return services;
    }

    private static readonly string[] NeverHeldPaths = ["/health", "/ready", "/metrics"];

    private static PartitionedRateLimiter<HttpContext> CreateLimiter(GatewayRateLimitOptions limits, TimeProvider time) =>
        limits.MaxConcurrentRequests is { } concurrent
            ? PartitionedRateLimiter.CreateChained(CreateClientLimiter(limits, time), CreatePodLimiter(limits, concurrent))
            : CreateClientLimiter(limits, time);

    private static PartitionedRateLimiter<HttpContext> CreatePodLimiter(GatewayRateLimitOptions limits, int concurrent) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            IsExempt(limits, context.Request.Path) || IsNeverHeld(context.Request.Path)
                ? RateLimitPartition.GetNoLimiter("exempt")
                : RateLimitPartition.GetConcurrencyLimiter("pod", _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = concurrent,
                    QueueLimit = limits.MaxQueuedRequests,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                }));

    private static PartitionedRateLimiter<HttpContext> CreateClientLimiter(GatewayRateLimitOptions limits, TimeProvider time) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (!limits.Enabled || IsExempt(limits, context.Request.Path))
            {
                return RateLimitPartition.GetNoLimiter("exempt");
            }

            var userId = CallerIdentity.From(context.User).UserId;
            var client = userId is not null ? "user:" + userId : "ip:" + context.Connection.RemoteIpAddress;
            return RateLimitPartition.Get(client, _ => new ClientWindowRateLimiter(limits.PermitLimit, limits.Window, time));
        });

    private static bool IsNeverHeld(PathString path)
    {
        foreach (var probe in NeverHeldPaths)
        {
            if (path.StartsWithSegments(probe, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsExempt(GatewayRateLimitOptions limits, PathString path) =>
        limits.ExemptPaths.Any(exempt => path.Equals(exempt, StringComparison.OrdinalIgnoreCase));

    private static async ValueTask WriteRejectionAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var limits = http.RequestServices.GetRequiredService<IOptions<GatewayRateLimitOptions>>().Value;
        // Every refusal of the per-client window says when to retry; one without is the pod's queue being full.
        if (!context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
        {
            await ApiResults.Unavailable(
                $"This instance is handling {limits.MaxConcurrentRequests} requests with {limits.MaxQueuedRequests} more waiting; retry shortly.",
                retryAfterSeconds: 1).ExecuteAsync(http);
            return;
        }

        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too Many Requests",
            detail: $"This client may make {limits.PermitLimit} requests per {limits.Window.TotalSeconds:0} s; retry after {seconds} s.")
            .ExecuteAsync(http);
    }
}
