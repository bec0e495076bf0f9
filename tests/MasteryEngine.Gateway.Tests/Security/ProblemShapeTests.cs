using System.Net;
using System.Text;
using MasteryEngine.Gateway.Tests.Infrastructure;

namespace MasteryEngine.Gateway.Tests.Security;

/// <summary>
/// Every 4xx the application produces has the documented problem shape: application/problem+json with
/// <c>type</c>, <c>title</c>, <c>status</c>, <c>detail</c>, <c>trace_id</c> and <c>"success": false</c>.
/// Enumerated one request per way of getting a 4xx, against real Kestrel.
/// </summary>
public sealed class ProblemShapeTests(KestrelGatewayFactory factory) : IClassFixture<KestrelGatewayFactory>
{
    public static TheoryData<string> Cases() =>
    [
        "validation", "malformed_json", "wrong_type", "no_token", "forged_token", "forbidden", "unknown_route",
        "unknown_batch", "wrong_method", "too_large_declared", "too_large_chunked", "not_json", "bad_charset",
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_4xx_has_the_documented_problem_shape(string name)
    {
        var (status, request, token) = Case(name);
        using var client = token is null ? factory.CreateClient() : factory.ClientFor(token);

        using var response = await client.SendAsync(request);

        await AssertDocumentedProblemAsync(response, status);
    }

    /// <summary>As curl sends it (<c>-H "Transfer-Encoding: chunked" --data-binary @10mb.json</c>): one large chunk on a raw socket.</summary>
    [Fact]
    public async Task Chunked_body_over_the_limit_is_a_413_with_a_detail()
    {
        var body = Encoding.UTF8.GetBytes("{\"student_id\": \"s1\", \"padding\": \"" + new string('a', 10 * 1024 * 1024) + "\"}");
        using var client = factory.CreateClient();
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(client.BaseAddress!.Host, client.BaseAddress.Port);
        var stream = tcp.GetStream();
        var head = "POST /api/v1/mastery/query HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TestTokens.Admin(TestTokens.NewId("admin")) +
            "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + body.Length.ToString("x", System.Globalization.CultureInfo.InvariantCulture) + "\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        try
        {
            await stream.WriteAsync(body);
            await stream.WriteAsync("\r\n0\r\n\r\n"u8.ToArray());
        }
        catch (IOException)
        {
            // The server may answer and close before it has read the whole body.
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 413", response, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", response, StringComparison.Ordinal);
        Assert.Contains("MAX_REQUEST_BODY_BYTES", response, StringComparison.Ordinal);
        Assert.Contains("\"type\":", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_requests_has_the_documented_problem_shape()
    {
        using var client = factory.ClientFor(TestTokens.Admin(TestTokens.NewId("admin")));
        for (var i = 0; i < KestrelGatewayFactory.PermitLimit; i++)
        {
            using var allowed = await client.GetAsync(new Uri("/", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        await AssertDocumentedProblemAsync(response, HttpStatusCode.TooManyRequests);
    }

    private static (HttpStatusCode Status, HttpRequestMessage Request, string? Token) Case(string name)
    {
        var admin = TestTokens.Admin(TestTokens.NewId("admin"));
        return name switch
        {
            "validation" => (HttpStatusCode.BadRequest, Post("/api/v1/mastery/query", "application/json", """{"student_id": "<script>"}"""), admin),
            "malformed_json" => (HttpStatusCode.BadRequest, Post("/api/v1/mastery/query", "application/json", """{"student_id": """), admin),
            "wrong_type" => (HttpStatusCode.BadRequest, Post("/api/v1/predictions/next-week", "application/json", """{"student_id": "s1", "timeframe_days": "7"}"""), admin),
            "no_token" => (HttpStatusCode.Unauthorized, Post("/api/v1/mastery/query", "application/json", """{"student_id": "s1"}"""), null),
            "forged_token" => (HttpStatusCode.Unauthorized, Post("/api/v1/mastery/query", "application/json", """{"student_id": "s1"}"""),
                TestTokens.Create(new() { ["sub"] = "admin_1", ["roles"] = new[] { "admin" } }, secret: "not-the-service-secret-but-32-bytes-long")),
            "forbidden" => (HttpStatusCode.Forbidden, Post("/api/v1/mastery/query", "application/json", """{"student_id": "someone_else"}"""), TestTokens.Student(TestTokens.NewId("student"))),
            "unknown_route" => (HttpStatusCode.NotFound, new HttpRequestMessage(HttpMethod.Get, "/no/such/route"), null),
            "unknown_batch" => (HttpStatusCode.NotFound, new HttpRequestMessage(HttpMethod.Get, "/api/v1/batch/status/batch_unknown"), admin),
            "wrong_method" => (HttpStatusCode.MethodNotAllowed, new HttpRequestMessage(HttpMethod.Delete, "/api/v1/mastery/query"), admin),
            "too_large_declared" => (HttpStatusCode.RequestEntityTooLarge, Post("/api/v1/mastery/query", "application/json", new string(' ', 70 * 1024)), admin),
            "too_large_chunked" => (HttpStatusCode.RequestEntityTooLarge, new HttpRequestMessage(HttpMethod.Post, "/api/v1/mastery/query") { Content = Chunked(200 * 1024) }, admin),
            "not_json" => (HttpStatusCode.UnsupportedMediaType, Post("/api/v1/mastery/query", "text/plain", "student_id=s1"), admin),
            "bad_charset" => (HttpStatusCode.UnsupportedMediaType, Post("/api/v1/mastery/query", "application/json; charset=bogus", """{"student_id": "s1"}"""), admin),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such case"),
        };
    }

    internal static async Task<System.Text.Json.JsonElement> AssertDocumentedProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.AssertProblemAsync(status);
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        foreach (var field in new[] { "type", "title", "detail", "trace_id" })
        {
            Assert.True(body.TryGetProperty(field, out var value) && !string.IsNullOrWhiteSpace(value.GetString()), $"no {field} in {body.GetRawText()}");
        }

        return body;
    }

    private static HttpRequestMessage Post(string path, string contentType, string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
    }

    /// <summary>A JSON body without Content-Length (sent chunked), so the server learns its size only while reading it.</summary>
    private static StreamContent Chunked(int bytes)
    {
        var json = Encoding.UTF8.GetBytes("{\"student_id\": \"" + new string('a', bytes) + "\"}");
        var content = new StreamContent(new UnseekableStream(json));
        content.Headers.ContentType = new("application/json");
        return content;
    }

    /// <summary>HttpClient sends a stream it cannot measure chunked.</summary>
    private sealed class UnseekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
