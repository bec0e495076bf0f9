using MasteryEngine.Client;
using MasteryEngine.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// A sibling .NET service (say, the exercise service) that reports a finished exercise to the Mastery Engine and
// reads the student's mastery back, by calling the student's grain directly through an Orleans client.
// Usage: dotnet run --project samples/SiblingService -- <student_id>   (ORLEANS_GATEWAY_PORT if not 30000)
if (args is not [var studentId])
{
    Console.Error.WriteLine("usage: SiblingService <student_id>");
    return 2;
}

var builder = Host.CreateApplicationBuilder();
builder.AddMasteryEngineClient();
using var host = builder.Build();
await host.StartAsync();

var student = host.Services.GetRequiredService<IClusterClient>().GetGrain<IStudentMasteryGrain>(studentId);
var applied = await student.ApplyEventAsync(new LearningEvent(
    LearningEventTypes.ExerciseCompleted, studentId, $"sibling-{studentId}-loops-1", DateTimeOffset.UtcNow, "loops", null,
    System.Text.Json.JsonElement.Parse("""{"exercise_id": "loops-1", "total_exercises": 4}""")));
var mastery = (await student.QueryAsync()).CurrentMastery;
Console.WriteLine($"{studentId}: applied={applied.Applied} mastery={mastery.MasteryScore:0.000} level={mastery.Level} completion={mastery.Components.Completion:0.00}");

await host.StopAsync();
return 0;
