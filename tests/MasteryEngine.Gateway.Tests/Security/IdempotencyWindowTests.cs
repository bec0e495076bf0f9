using System.Globalization;
using System.Net;
using MasteryEngine.Gateway.Tests.Infrastructure;
using MasteryEngine.Testing;

namespace MasteryEngine.Gateway.Tests.Security;

/// <summary>A seven-day idempotency window.</summary>
public sealed class WeekWindowGatewayFactory() : GatewayFactory("Development", new Dictionary<string, string?>
{
    ["IDEMPOTENCY_WINDOW_DAYS"] = "7",
});

/// <summary>Exactly-once has an enforced horizon: ids are remembered for the window, older events are refused as stale, and an operator can ask whether an event was applied.</summary>
public sealed class IdempotencyWindowTests(WeekWindowGatewayFactory factory) : IClassFixture<WeekWindowGatewayFactory>
{
    [Fact]
    public async Task Event_older_than_the_window_is_a_409_stale_problem()
    {
        var studentId = TestTokens.NewId("student");
        var stamped = DateTimeOffset.UtcNow.AddDays(-8).ToString("O", CultureInfo.InvariantCulture);

        using var response = await factory.ClientFor(TestTokens.Student(studentId)).PostJsonAsync("/api/v1/mastery/ingest", $$"""
            {"event_type": "quiz", "student_id": "{{studentId}}", "event_id": "old-1", "timestamp": "{{stamped}}", "data": {"score": 9, "max_score": 10} }
            """);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("stale", problem.GetProperty("reason").GetString());
        Assert.Contains("7 days", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Event_inside_the_window_is_accepted_and_then_reported_as_applied()
    {
        var studentId = TestTokens.NewId("student");
        var client = factory.ClientFor(TestTokens.Student(studentId));
        var stamped = DateTimeOffset.UtcNow.AddDays(-6).ToString("O", CultureInfo.InvariantCulture);
        var (before, unknown) = await client.GetJsonAsync($"/api/v1/mastery/events/{studentId}/recent-1");

        var (accepted, _) = await client.PostAsync("/api/v1/mastery/ingest", $$"""
            {"event_type": "quiz", "student_id": "{{studentId}}", "event_id": "recent-1", "timestamp": "{{stamped}}", "data": {"score": 9, "max_score": 10} }
            """);
        var applied = await Eventually.UntilAsync(
            async () => (await client.GetJsonAsync($"/mastery/events/{studentId}/recent-1")).Body.GetProperty("data"),
            data => data.GetProperty("applied").GetBoolean(),
            "the event to be applied");

        Assert.Equal(HttpStatusCode.OK, before);
        Assert.False(unknown.Path("data.applied").GetBoolean());
        Assert.Equal(HttpStatusCode.Accepted, accepted);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), applied.GetProperty("applied_on").GetString());
        Assert.Equal(7, applied.GetProperty("idempotency_window_days").GetInt32());
    }

    [Fact]
    public async Task Applied_status_follows_the_rules_of_other_student_reads()
    {
        var studentId = TestTokens.NewId("student");

        using var byOtherStudent = await factory.ClientFor(TestTokens.Student(TestTokens.NewId("student"))).GetAsync($"/api/v1/mastery/events/{studentId}/e1");
        using var anonymous = await factory.CreateClient().GetAsync($"/api/v1/mastery/events/{studentId}/e1");
        using var hostileId = await factory.ClientFor(TestTokens.Admin()).GetAsync("/api/v1/mastery/events/%3Cscript%3E/e1");

        await byOtherStudent.AssertProblemAsync(HttpStatusCode.Forbidden);
        await anonymous.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await hostileId.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
