using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using MasteryEngine.ReviewAgent.Tests.Infrastructure;
using MasteryEngine.Testing;

namespace MasteryEngine.ReviewAgent.Tests.EndToEnd;

/// <summary>
/// The Review Agent feeding the real Mastery Engine over its HTTP API (Kafka off): each assessment moves the
/// student's quality component (and the problem's topic) by the engine's EWMA, and a resubmission changes nothing.
/// </summary>
public class MasteryFeedEndToEndTests
{
    /// <summary>The gateway's own build (the project is built, not referenced, so its output stays in its own directory).</summary>
    private static readonly string GatewayDll = typeof(MasteryFeedEndToEndTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "GatewayDll").Value!;

    [Fact]
    public async Task Assessments_move_the_students_quality_component_once_per_submission()
    {
        await using var gateway = await GatewayProcess.StartAsync(
            new Dictionary<string, string> { ["JWT_SECRET"] = TestTokens.Secret, ["RATE_LIMIT_ENABLED"] = "false", ["LOG_LEVEL"] = "WARNING" }, GatewayDll);
        await using var agent = new ReviewAgentFactory(new Dictionary<string, string?>
        {
            ["MASTERY_FEED_ENABLED"] = "true",
            ["MASTERY_ENGINE_URL"] = gateway.BaseAddress.ToString(),
        });
        var student = TestTokens.NewId("student");
        using var review = agent.ClientFor(TestTokens.Student(student));
        using var mastery = gateway.CreateClient(TestTokens.Admin());

        var first = await AssessAsync(review, student, "def add(first, second):\n    return first + secnd\n");
        var afterFirst = await QualityAsync(mastery, student, quality => quality is not null);
        var second = await AssessAsync(review, student, "\"\"\"Sums.\"\"\"\n\n\ndef add(first, second):\n    \"\"\"Return the sum.\"\"\"\n    return first + second\n");
        var expected = Math.Round(0.3 * second + 0.7 * first, 6);
        var afterSecond = await QualityAsync(mastery, student, quality => quality is { } value && Math.Abs(value - afterFirst!.Value) > 1e-9);
        var again = await AssessAsync(review, student, "\"\"\"Sums.\"\"\"\n\n\ndef add(first, second):\n    \"\"\"Return the sum.\"\"\"\n    return first + second\n");

        Assert.True(first < second, $"{first} vs {second}");
        Assert.Equal(first, afterFirst!.Value, 6);
        Assert.Equal(expected, afterSecond!.Value, 6);
        Assert.Equal(second, again);
        Assert.Equal(afterSecond.Value, (await QualityAsync(mastery, student, _ => true))!.Value, 9);
    }

    private static async Task<double> AssessAsync(HttpClient review, string student, string code)
    {
        using var response = await review.PostAsJsonAsync("/review/assess", new
        {
            student_id = student, student_code = code, problem_context = new { language = "python", problem_id = "sums-1" },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data");
        Assert.Equal("sent", data.GetProperty("mastery_event").GetProperty("status").GetString());
        return data.GetProperty("quality_score").GetDouble();
    }

    private static Task<double?> QualityAsync(HttpClient mastery, string student, Func<double?, bool> done) =>
        Eventually.UntilAsync<double?>(async () =>
        {
            using var response = await mastery.PostAsJsonAsync("/mastery/query", new { student_id = student });
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return null;
            }

            var data = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data");
            return data.GetProperty("topics").GetArrayLength() == 0
                ? null
                : data.GetProperty("current_mastery").GetProperty("components").GetProperty("quality").GetDouble();
        }, done, "the student's quality component moved");
}
