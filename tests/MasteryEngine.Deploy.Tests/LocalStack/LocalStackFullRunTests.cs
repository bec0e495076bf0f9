using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MasteryEngine.Testing;

namespace MasteryEngine.Deploy.Tests.LocalStack;

/// <summary>
/// <c>scripts/local-stack.sh</c> the way the README has a newcomer use it: wait for the banner, mint the README's
/// token, send an event with kcat to the broker whose address the dev broker wrote, read its outcome with kcat and
/// through the API, then Ctrl-C. Needs the repository built in the tests' configuration (<c>scripts/test.sh</c> does).
/// </summary>
public sealed class LocalStackFullRunTests
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task An_event_sent_with_kcat_is_applied_read_with_the_readme_token_and_sigterm_stops_every_member()
    {
        await using var stack = LocalStackRun.Start();
        await stack.WaitForBannerAsync(StartLimit);
        var members = stack.MemberProcessIds();
        Assert.Equal(4, members.Count);

        var studentId = "student_stack_" + Guid.NewGuid().ToString("N")[..8];
        using var http = new HttpClient { BaseAddress = stack.GatewayAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ReadmeTokenCommand.TokenAsync(studentId, "student"));
        using (var unknown = await QueryAsync(http, studentId))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        var broker = stack.BrokerAddress;
        await Kcat.ProduceAsync(broker, "mastery.requests", studentId,
            $$$"""{"event_type":"completion","student_id":"{{{studentId}}}","event_id":"e-1","data":{"total_exercises":10,"completed_exercises":8}}""");
        var result = await Eventually.UntilAsync(
            async () => (await Kcat.ConsumeAllAsync(broker, "mastery.results")).Select(ParseObject)
                .FirstOrDefault(line => line.GetProperty("student_id").GetString() == studentId),
            line => line.ValueKind == JsonValueKind.Object,
            "the event's outcome is on mastery.results",
            TimeSpan.FromSeconds(60));
        Assert.Equal("e-1", result.GetProperty("event_id").GetString());
        Assert.True(result.GetProperty("applied").GetBoolean());

        using (var known = await QueryAsync(http, studentId))
        {
            Assert.Equal(HttpStatusCode.OK, known.StatusCode);
            var body = ParseObject(await known.Content.ReadAsStringAsync());
            Assert.Equal(result.GetProperty("mastery_score").GetDouble(), body.GetProperty("data").GetProperty("current_mastery").GetProperty("mastery_score").GetDouble(), 9);
        }

        await stack.SignalAsync("TERM");
        Assert.Equal(0, await stack.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Empty(stack.ErrorLines);
        Assert.Contains("stopped; logs in", stack.Output, StringComparison.Ordinal);
        Assert.All(members, pid => Assert.Equal("", LocalStackRun.CommandLineOf(pid)));
    }

    private static Task<HttpResponseMessage> QueryAsync(HttpClient http, string studentId) =>
        http.PostAsJsonAsync("/mastery/query", new Dictionary<string, string> { ["student_id"] = studentId });

    private static JsonElement ParseObject(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
