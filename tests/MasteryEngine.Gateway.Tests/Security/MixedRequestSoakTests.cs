using System.Net;
using System.Text;
using MasteryEngine.Gateway.Tests.Infrastructure;

namespace MasteryEngine.Gateway.Tests.Security;

/// <summary>
/// A bounded soak of valid and hostile requests, concurrently: whatever the shape of a request, the answer is
/// never a 5xx (a request can be refused, not crash the service).
/// </summary>
public sealed class MixedRequestSoakTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private const int Rounds = 12;
    private const int Concurrency = 8;

    [Fact]
    public async Task Mixed_valid_and_invalid_requests_never_get_a_5xx()
    {
        var studentId = TestTokens.NewId("student");
        var admin = factory.ClientFor(TestTokens.Admin());
        var anonymous = factory.CreateClient();
        var forged = factory.ClientFor(TestTokens.Create(new() { ["sub"] = "admin_x", ["roles"] = new[] { "admin" } }, secret: "another-secret-of-at-least-32-bytes!!"));
        var requests = Shapes(studentId);
        var failures = new List<string>();
        var sent = 0;

        await Parallel.ForEachAsync(
            Enumerable.Range(0, Rounds * requests.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency },
            async (i, cancellationToken) =>
            {
                var (client, build) = (i % 7) switch
                {
                    5 => (anonymous, requests[i % requests.Count]),
                    6 => (forged, requests[i % requests.Count]),
                    _ => (admin, requests[i % requests.Count]),
                };
                using var request = build();
                var description = $"{request.Method} {request.RequestUri} ({request.Content?.Headers.ContentType})";
                using var response = await client.SendAsync(request, cancellationToken);
                Interlocked.Increment(ref sent);
                if ((int)response.StatusCode >= 500)
                {
                    lock (failures)
                    {
                        failures.Add($"{(int)response.StatusCode} for {description}");
                    }
                }
            });

        Assert.Equal(Rounds * requests.Count, sent);
        Assert.Empty(failures);
    }

    private static List<Func<HttpRequestMessage>> Shapes(string studentId)
    {
        var valid = $$"""{"student_id": "{{studentId}}", "components": {"completion": 0.5, "quiz": 0.6, "quality": 0.7, "consistency": 0.8} }""";
        return
        [
            () => Post("/api/v1/mastery/calculate", "application/json", valid),
            () => Post("/api/v1/mastery/query", "application/json", $$"""{"student_id": "{{studentId}}"}"""),
            () => Post("/api/v1/mastery/calculate", "application/json; charset=bogus", valid),
            () => Post("/api/v1/mastery/calculate", "application/json; charset=\"utf-8\"", valid),
            () => Post("/api/v1/mastery/calculate", "application/json; charset=utf-7", valid),
            () => Post("/api/v1/mastery/calculate", "application/json; charset=", valid),
            () => Post("/api/v1/mastery/calculate", "text/plain", valid),
            () => Post("/api/v1/mastery/calculate", "application/xml", "<a/>"),
            () => Post("/api/v1/mastery/calculate", "application/json", "{\"student_id\": "),
            () => Post("/api/v1/mastery/calculate", "application/json", "null"),
            () => Post("/api/v1/mastery/calculate", "application/json", new string('[', 5000)),
            () => Post("/api/v1/mastery/calculate", "application/json", """{"student_id": "s1", "components": {"completion": 1e400, "quiz": 0, "quality": 0, "consistency": 0}}"""),
            () => Post("/api/v1/mastery/calculate", "application/json", """{"student_id": "s1", "components": {"completion": "0.5"}}"""),
            () => Post("/api/v1/mastery/calculate", "application/json", """{"student_id": "test; DROP TABLE users;--"}"""),
            () => PostBytes("/api/v1/mastery/query", "application/json", [.. "{\"student_id\": \""u8, 0xC3, 0x28, 0xFF, .. "\"}"u8]),
            () => Post("/api/v1/predictions/next-week", "application/json", $$"""{"student_id": "{{studentId}}", "timeframe_days": 99999999999}"""),
            () => Post("/api/v1/recommendations/adaptive", "application/json", $$"""{"student_id": "{{studentId}}", "limit": -1, "priority": "urgent"}"""),
            () => Post("/api/v1/batch/mastery", "application/json", """{"requests": [null, {"student_id": 1}], "student_ids": "x"}"""),
            () => Post("/api/v1/mastery/ingest", "application/json", $$"""{"event_type": "quiz", "student_id": "{{studentId}}", "timestamp": "yesterday", "data": {"score": 1} }"""),
            () => Post("/api/v1/mastery/ingest", "application/json", $$"""{"event_type": "quiz", "student_id": "{{studentId}}", "data": {"score": "x", "max_score": 0} }"""),
            () => Post("/process", "application/json", """{"intent": "mastery_query", "payload": [1, 2]}"""),
            () => Post("/process", "application/json; charset=ibm037", """{"intent": "mastery_query", "payload": {}}"""),
            () => Post("/api/v1/mastery/query", "application/json", $$"""{"student_id": "{{new string('a', 70 * 1024)}}"}"""),
            () => new HttpRequestMessage(HttpMethod.Get, "/api/v1/analytics/history/%3Cscript%3E?days=abc"),
            () => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/analytics/history/{studentId}?days=99999999999999"),
            () => new HttpRequestMessage(HttpMethod.Get, "/api/v1/analytics/cohorts/compare?ids=" + new string(',', 500)),
            () => new HttpRequestMessage(HttpMethod.Get, "/api/v1/batch/status/..%2F..%2Fetc"),
            () => new HttpRequestMessage(HttpMethod.Get, "/api/v1/compliance/audit?month=9999-99"),
            () => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/compliance/export/{studentId}"),
            () => new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/compliance/student/{TestTokens.NewId("student")}"),
            () => new HttpRequestMessage(HttpMethod.Get, "/api/v1/compliance/audit?limit=5"),
            () => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/compliance/audit?limit=2&student_id={studentId}&month=2026-12"),
            () => new HttpRequestMessage(HttpMethod.Get, "/api/v1/compliance/audit?limit=0"),
            () => new HttpRequestMessage(HttpMethod.Get, "/api/v1/compliance/audit?limit=99999999999999999999&limit=3"),
            () => new HttpRequestMessage(HttpMethod.Get, "/api/v1/compliance/audit?limit=%00"),
            () => new HttpRequestMessage(HttpMethod.Get, "/api/v1/compliance/audit?cursor=garbage%00%FF&limit=-1"),
            () => new HttpRequestMessage(HttpMethod.Get, "/api/v1/compliance/audit?cursor=" + new string('Q', 8000)),
            () => new HttpRequestMessage(HttpMethod.Get, "/api/v1/compliance/audit?cursor=YTE6OTk5OTk5OTk5OTk5OTk5OTk5OTktMA"),
            () => new HttpRequestMessage(HttpMethod.Get, "/api/v1/compliance/audit?cursor=YTE6OTIyMzM3MjAzNjg1NDc3NTgwNy05MjIzMzcyMDM2ODU0Nzc1ODA3&month=9999-12"),
            () => new HttpRequestMessage(HttpMethod.Get, "/api/v1/compliance/audit?cursor=YTE6MC0w&cursor=YTE6MC0x&student_id=%3Cscript%3E"),
            () => new HttpRequestMessage(HttpMethod.Delete, "/api/v1/mastery/query"),
            () => new HttpRequestMessage(HttpMethod.Get, "/no/such/route"),
            () => new HttpRequestMessage(HttpMethod.Get, "/health"),
            () => new HttpRequestMessage(HttpMethod.Get, "/"),
        ];
    }

    private static HttpRequestMessage Post(string path, string contentType, string body) =>
        PostBytes(path, contentType, Encoding.UTF8.GetBytes(body));

    private static HttpRequestMessage PostBytes(string path, string contentType, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
    }
}
