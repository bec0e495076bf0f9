using Microsoft.Extensions.FileProviders;

namespace MasteryEngine.Gateway.Dashboard;

public static class DashboardAppExtensions
{
    public const string BasePath = "/app";

    /// <summary>
    /// Content Security Policy of the app: everything from this origin, nothing inline, nothing from elsewhere,
    /// so the page works offline and an injected value can never run as script.
    /// </summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /// <summary>
    /// Serves the dashboard (<c>wwwroot/app</c>) under <c>/app</c> only, and the Development sign-in endpoint
    /// <c>POST /app/dev-token</c> (<c>GET</c> says whether it is available: 204, else 404). The app's data calls go to the public API with the caller's bearer token.
    /// </summary>
    public static WebApplication MapDashboardApp(this WebApplication app)
    {
        var root = AppRoot(app.Environment);
        if (root is null)
        {
            // The API must not depend on the dashboard: without its files, /app is an unknown route and the logs say why.
            app.Logger.LogWarning("The dashboard's files (wwwroot/app) are missing beside the content root and the dll: /app is not served.");
            return app;
        }

        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = BasePath });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = BasePath,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.CacheControl = "no-cache";
            },
        });
        app.MapGet(BasePath + "/dev-token", DevTokenEndpoint.Availability).ExcludeFromDescription();
        app.MapPost(BasePath + "/dev-token", DevTokenEndpoint.IssueAsync).ExcludeFromDescription();
        return app;
    }

    /// <summary><c>dotnet run</c> has the project's wwwroot; a published or built output carries a copy beside the dll.</summary>
    private static string? AppRoot(IWebHostEnvironment environment)
    {
        string[] candidates =
        [
            Path.Combine(environment.WebRootPath ?? Path.Combine(environment.ContentRootPath, "wwwroot"), "app"),
            Path.Combine(AppContext.BaseDirectory, "wwwroot", "app"),
        ];
        return candidates.FirstOrDefault(Directory.Exists);
    }
}
