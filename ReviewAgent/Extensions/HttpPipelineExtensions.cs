using System.Globalization;
using System.Threading.RateLimiting;
using MasteryEngine.ReviewAgent.Infrastructure;
using MasteryEngine.ReviewAgent.Observability;
using MasteryEngine.ReviewAgent.Options;
using MasteryEngine.ReviewAgent.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace MasteryEngine.ReviewAgent.Extensions;

public static class HttpPipelineExtensions
{
    /// <summary>Probes and scrapes are never limited: a kubelet whose liveness probe got a 429 would restart a healthy pod.</summary>
    private static readonly string[] ExemptPaths = ["/health", "/ready", "/metrics"];

    public static IServiceCollection AddReviewProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDefaults.Customize);
        services.AddExceptionHandler<ReviewExceptionHandler>();
        return services;
    }

    /// <summary>A fixed window per client (the token's user, else the address), as the gateway: 50 a minute by default.</summary>
    public static IServiceCollection AddReviewRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = WriteRejectionAsync;
        });
        services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<RateLimitOptions>>((options, limits) => options.GlobalLimiter = CreateLimiter(limits.Value));
        return services;
    }

    /// <summary>Errors as problem details, the body limit, one log line per request, then authentication and the rate limit.</summary>
    public static WebApplication UseReviewPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestLoggingMiddleware>();
        var maxBytes = app.Services.GetRequiredService<IOptions<ReviewOptions>>().Value.MaxRequestBodyBytes;
        app.Use((context, next) =>
        {
            if (context.Request.ContentLength > maxBytes)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload Too Large",
                    detail: $"The request body is larger than the limit of {maxBytes} bytes (MAX_REQUEST_BODY_BYTES).").ExecuteAsync(context);
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = maxBytes;
            }

            return next(context);
        });
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    private static PartitionedRateLimiter<HttpContext> CreateLimiter(RateLimitOptions limits) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (!limits.Enabled || ExemptPaths.Any(path => context.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase)))
            {
                return RateLimitPartition.GetNoLimiter("exempt");
            }

            var userId = CallerIdentity.From(context.User).UserId;
            var client = userId is not null ? "user:" + userId : "ip:" + context.Connection.RemoteIpAddress;
            return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limits.PermitLimit,
                Window = limits.Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });

    private static async ValueTask WriteRejectionAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var limits = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : limits.Window;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too Many Requests",
            detail: $"This client may make {limits.PermitLimit} requests per {limits.Window.TotalSeconds:0} s; retry after {seconds} s.").ExecuteAsync(http);
    }
}
