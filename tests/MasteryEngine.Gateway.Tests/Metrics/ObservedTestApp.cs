using MasteryEngine.Gateway.Metrics;
using MasteryEngine.Gateway.Observability;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MasteryEngine.Gateway.Tests.Metrics;

/// <summary>
/// A small app on a test server wired exactly as the gateway wires observability (services, startup filter,
/// metrics endpoints), with endpoints of the test's choosing, e.g. templated routes the real API may not have yet.
/// </summary>
public sealed class ObservedTestApp : IAsyncDisposable
{
    private ObservedTestApp(WebApplication app)
    {
        App = app;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<ObservedTestApp> StartAsync(
        Action<WebApplication> mapEndpoints,
        IReadOnlyDictionary<string, string?>? settings = null,
        ILoggerProvider? loggerProvider = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddMasteryObservability(builder.Configuration);
        if (loggerProvider is not null)
        {
            builder.Services.AddSingleton(loggerProvider);
        }

        var app = builder.Build();
        app.MapMetricsEndpoints();
        mapEndpoints(app);
        await app.StartAsync();
        return new ObservedTestApp(app);
    }

    public async Task<IReadOnlyList<ExpositionSample>> ScrapeAsync() =>
        ExpositionSample.ParseAll(await Client.GetStringAsync(new Uri("/metrics", UriKind.Relative)));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
