using MasteryEngine.Gateway.Extensions;
using MasteryEngine.Gateway.Security;

if (TokenCommand.IsInvoked(args))
{
    return TokenCommand.Run(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddGatewayOptions().AddSeedLogLevel().UseGatewayPort().AddEmbeddedSilo();
builder.Services
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
app.MapMasteryApis();
app.Run();
return 0;

public partial class Program;
