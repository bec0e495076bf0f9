using MasteryEngine.Gateway.Extensions;
using MasteryEngine.Gateway.Hosting;
using MasteryEngine.Gateway.Metrics;
using MasteryEngine.Gateway.Observability;
using MasteryEngine.Gateway.Security;
using MasteryEngine.LearnerModel.Cli;

if (HealthCheckCommand.IsRequested(args))
{
    return await HealthCheckCommand.RunAsync();
}

if (TokenCommand.IsInvoked(args))
{
    return TokenCommand.Run(args);
}

if (LearnerModelCommands.IsInvoked(args))
{
    return await LearnerModelCommands.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
if (!await builder.TryAddLearnerModelAsync())
{
    return 1;
}

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
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.MapGatewayDocs();
app.MapMetricsEndpoints();
app.MapMasteryApis();
app.Run();
return 0;

public partial class Program;
