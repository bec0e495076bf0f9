using MasteryEngine.ReviewAgent.Extensions;

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

public partial class Program;
