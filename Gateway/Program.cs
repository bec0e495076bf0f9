using MasteryEngine.Gateway.Hosting;
using MasteryEngine.Gateway.Metrics;
using MasteryEngine.Gateway.Observability;

if (HealthCheckCommand.IsRequested(args))
{
    return await HealthCheckCommand.RunAsync();
}

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddMasteryObservability(builder.Configuration);
var app = builder.Build();
app.MapMetricsEndpoints();
app.Run();
return 0;
