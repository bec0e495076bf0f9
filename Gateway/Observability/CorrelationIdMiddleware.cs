using System.Diagnostics;
using MasteryEngine.Silo.Observability;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MasteryEngine.Gateway.Observability;

/// <summary>
/// Gives every request a correlation id (the caller's valid <c>X-Request-ID</c>, else a new one), makes it
/// available to the rest of the request (<see cref="CorrelationContext"/>, <c>HttpContext.Items</c>, the logging
/// scope, a tag on the request span) and echoes it with the W3C trace id in <c>X-Request-ID</c> and
/// <c>X-Trace-ID</c>. Headers are added when the response starts so error handlers that reset headers keep them.
/// </summary>
internal sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public const string TraceIdHeaderName = "X-Trace-ID";
    public const string ItemKey = "correlation_id";

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[CorrelationContext.HeaderName];
        var correlationId = incoming.Count == 1 && RequestIdPolicy.IsAcceptable(incoming[0]) ? incoming[0]! : RequestIdPolicy.NewId();
        var activity = Activity.Current;
        activity?.SetTag("correlation_id", correlationId);
        var traceId = activity?.TraceId.ToHexString();

        context.Items[ItemKey] = correlationId;
        CorrelationContext.CorrelationId = correlationId;
        context.Response.OnStarting(static state =>
        {
            var (httpContext, id, trace) = ((HttpContext, string, string?))state;
            httpContext.Response.Headers[CorrelationContext.HeaderName] = id;
            if (trace is not null)
            {
                httpContext.Response.Headers[TraceIdHeaderName] = trace;
            }

            return Task.CompletedTask;
        }, (context, correlationId, traceId));

        using (logger.BeginScope(new CorrelationLogScope(correlationId, traceId)))
        {
            await next(context);
        }
    }
}
