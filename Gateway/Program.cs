using MasteryEngine.Gateway.Extensions;
using MasteryEngine.Gateway.Hosting;
using MasteryEngine.Gateway.Metrics;
using MasteryEngine.Gateway.Observability;
using MasteryEngine.Gateway.Security;

if (HealthCheckCommand.IsRequested(args))
{
    return await HealthCheckCommand.RunAsync();
}

if (TokenCommand.IsInvoked(args))
{
    return TokenCommand.Run(args);
}

var builder = WebApplication.CreateBuilder(LaunchEnvironment.Options(args));
builder.AddGatewayOptions().UseGatewayPort().AddEmbeddedSilo();
builder.Services
    .AddMasteryObservability(builder.Configuration)
    .AddGatewayJson()
    .AddGatewayProblemDetails()
    .AddGatewayAuthentication()
    .AddGatewayRateLimiting()
    .AddGatewayOpenApi()
    .AddMasteryApi();

var app = builder.Build();
app.UseGatewayErrorHandling();
app.UseRequestBodyLimit();
app.UseUtf8RequestBodies();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.MapGatewayDocs();
app.MapMetricsEndpoints();
app.MapMasteryApis();
app.Run();
return 0;

public partial class Program;
