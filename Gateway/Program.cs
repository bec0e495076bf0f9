using MasteryEngine.Gateway.Dashboard;
using MasteryEngine.Gateway.Demo;
using MasteryEngine.Gateway.Extensions;
using MasteryEngine.Gateway.Hosting;
using MasteryEngine.Gateway.Infrastructure;
using MasteryEngine.Gateway.Metrics;
using MasteryEngine.Gateway.Observability;
using MasteryEngine.Gateway.Security;
using MasteryEngine.LearnerModel.Cli;
using MasteryEngine.Silo.Hosting;

if (HealthCheckCommand.IsRequested(args))
{
    return await HealthCheckCommand.RunAsync();
}

if (TokenCommand.IsInvoked(args))
{
    return TokenCommand.Run(args);
}

if (DemoDataCommand.IsInvoked(args))
{
    return await DemoDataCommand.RunAsync(args);
}

if (LearnerModelCommands.IsInvoked(args))
{
    return await LearnerModelCommands.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(LaunchEnvironment.Options(args));
if (!await builder.TryAddLearnerModelAsync())
{
    return 2;
}

builder.AddGatewayOptions().UseGatewayPort().AddEmbeddedSilo();
builder.AddDemoMode(args);
builder.Services
    .AddMasteryObservability(builder.Configuration)
    .AddGatewayJson()
    .AddGatewayProblemDetails()
    .AddGatewayAuthentication()
    .AddGatewayRateLimiting()
    .AddGatewayOpenApi()
    .AddMasteryApi();

var app = builder.Build();
if (ConfigurationCheck.Reject(app.Services) is { } configurationError)
{
    return configurationError;
}

app.UseServedByHeader();
app.UseGatewayErrorHandling();
app.UseRequestBodyLimit();
app.UseUtf8RequestBodies();
app.MapDashboardApp();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.MapGatewayDocs();
app.MapMetricsEndpoints();
app.MapOrleansDashboardForAdmins();
app.MapMasteryApis();
return await StartupFailure.RunAsync(app);

public partial class Program;
