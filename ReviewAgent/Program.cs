using MasteryEngine.ReviewAgent.Extensions;
using MasteryEngine.ReviewAgent.Hosting;

if (BenchCommand.IsInvoked(args))
{
    return await BenchCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddReviewOptions().UseReviewAgentPort().UseReviewAgentLogging().AddReviewAgent();
builder.Services
    .AddReviewProblemDetails()
    .AddReviewAuthentication()
    .AddReviewRateLimiting();

var app = builder.Build();
app.UseReviewPipeline();
app.MapReviewAgent();
app.Run();
return 0;

public partial class Program;
