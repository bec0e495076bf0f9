using System.Net;
using MasteryEngine.Gateway.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MasteryEngine.Gateway.Tests.MultiGateway;

/// <summary>Three gateway processes on one Redis behave as one service: one activation per student, no write lost or doubled.</summary>
[Collection(ThreeGatewayCollection.Name)]
public sealed class MultiGatewayTests(ThreeGatewayFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task A_student_called_through_each_gateway_is_served_by_one_activation()
    {
        for (var i = 0; i < 6; i++)
        {
            var student = TestTokens.NewId("student");
            var seen = new List<(string Silo, string ActivationId, string ServedBy)>();
            foreach (var admin in fixture.Admins)
            {
                seen.Add(await ThreeGatewayFixture.LocateAsync(admin, student));
            }

            Assert.Single(seen.Select(s => (s.Silo, s.ActivationId)).Distinct());
            Assert.Contains(seen[0].Silo, (string[])["gateway-1", "gateway-2", "gateway-3"]);
            Assert.Equal(["gateway-1", "gateway-2", "gateway-3"], seen.Select(s => s.ServedBy));
        }
    }

    /// <summary>
    /// All at once on one grain, a request may wait in its queue longer than the grain-call timeout (5 s) on a loaded
    /// machine: that is a 503 with Retry-After, and the client sends the same event again, as a client must.
    /// </summary>
    [Fact]
    public async Task A_thousand_concurrent_events_spread_over_the_gateways_are_each_applied_once()
    {
        const int Events = 1000;
        var student = TestTokens.NewId("student");
        var retried = 0;
        using var gate = new SemaphoreSlim(64);
        var answers = await Task.WhenAll(Enumerable.Range(0, Events).Select(async n =>
        {
            await gate.WaitAsync();
            try
            {
                for (var attempt = 0; ; attempt++)
                {
                    using var response = await fixture.Admins[(n + attempt) % 3].PostJsonAsync("/api/v1/mastery/ingest?wait=true", $$$"""
                        {"event_type": "exercise.completed", "student_id": "{{{student}}}", "event_id": "evt_{{{n}}}", "data": {"exercise_id": "ex-{{{n}}}"}}
                        """);
                    if (response.StatusCode != HttpStatusCode.ServiceUnavailable || response.Headers.RetryAfter is null || attempt == 5)
                    {
                        return (response.StatusCode, await HttpJson.ReadAsync(response));
                    }

                    Interlocked.Increment(ref retried);
                }
            }
            finally
            {
                gate.Release();
            }
        }));

        output.WriteLine($"{Events} events, {retried} retried after a 503");
        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        // A retried event may have been applied by the attempt that timed out: then its retry answers applied=false.
        Assert.InRange(answers.Count(answer => answer.Item2.Path("data.applied").GetBoolean()), Events - retried, Events);
        var stored = await fixture.StoredStateAsync(student);
        Assert.Equal(Events, stored.Path("overall.completed_exercises").GetInt32());
        Assert.Equal(Events, stored.GetProperty("applied_events").GetArrayLength());
    }

    [Fact]
    public async Task An_erasure_through_another_gateway_leaves_no_key_naming_the_student()
    {
        var student = TestTokens.NewId("student");
        var cohort = TestTokens.NewId("cohort");
        await fixture.Admins[0].CalculateAsync(student, 0.8, 0.7, 0.6, 0.5);
        await fixture.Admins[1].AddToCohortAsync(cohort, student);
        Assert.NotEmpty(await KeysNamingAsync(student));

        using var erased = await fixture.Admins[2].DeleteAsync(new Uri($"/api/v1/compliance/student/{student}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Empty(await KeysNamingAsync(student));
        Assert.DoesNotContain(student, await fixture.Redis.CliAsync("HGET", $"cohort:{{{cohort}}}:state", "data"), StringComparison.Ordinal);
    }

    private async Task<string[]> KeysNamingAsync(string student) =>
        (await fixture.Redis.CliAsync("--scan", "--pattern", $"*{student}*")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
