using Orleans.Runtime;

namespace MasteryEngine.Gateway.Infrastructure;

/// <summary>Every response names the silo that served it (<c>X-Served-By</c>), so operators can see where a request went.</summary>
public static class ServedByHeader
{
    public const string Name = "X-Served-By";

    public static IApplicationBuilder UseServedByHeader(this IApplicationBuilder app)
    {
        var siloName = app.ApplicationServices.GetRequiredService<ILocalSiloDetails>().Name;
        return app.Use((context, next) =>
        {
            context.Response.Headers[Name] = siloName;
            return next(context);
        });
    }
}
