using System.Text;
using Microsoft.AspNetCore.Http;

namespace MasteryEngine.Gateway.Metrics;

/// <summary>
/// Runs in front of the Prometheus exporter on the <c>/metrics</c> branch: buffers what the exporter writes and
/// sends it completed with the zero-valued histogram families (<see cref="ZeroValuedExposition"/>).
/// </summary>
internal sealed class ZeroValuedExpositionMiddleware(RequestDelegate next, ZeroHistogramCatalog catalog)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var body = buffer.ToArray();
        if (context.Response.StatusCode == StatusCodes.Status200OK)
        {
            body = Encoding.UTF8.GetBytes(ZeroValuedExposition.Complete(Encoding.UTF8.GetString(body), catalog.Families()));
        }

        context.Response.ContentLength = body.Length;
        await original.WriteAsync(body, context.RequestAborted);
    }
}
