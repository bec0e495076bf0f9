using System.Net;
using System.Text.Json;
using MasteryEngine.Gateway.Tests.Infrastructure;

namespace MasteryEngine.Gateway.Tests.OpenApi;

/// <summary>
/// Reads the served document and holds every operation in it to what a generated client relies on: a summary,
/// a success schema, problem responses, the bearer scheme where the route refuses anonymous callers, examples
/// the route accepts, and <c>required</c> exactly as the route's validation decides. Nothing is listed by hand.
/// </summary>
public sealed class OpenApiDocumentTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private const string Id = "student_openapi";

    [Fact]
    public async Task Every_operation_has_a_summary_a_success_schema_and_problem_responses()
    {
        var document = await OpenApiDocument.LoadAsync(factory.CreateClient());

        Assert.NotEmpty(document.Operations);
        foreach (var operation in document.Operations)
        {
            Assert.False(string.IsNullOrWhiteSpace(operation.Operation.TryGetProperty("summary", out var summary) ? summary.GetString() : null), $"{operation} has no summary");
            var success = operation.Responses.Where(response => response.Status is >= 200 and < 300).ToList();
            Assert.True(success.Count > 0, $"{operation} declares no success response");
            foreach (var (status, response) in success)
            {
                Assert.True(response.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out var media)
                            && media.TryGetProperty("schema", out _), $"{operation} {status} has no JSON schema");
            }

            var errors = operation.Responses.Where(response => response.Status >= 400).ToList();
            Assert.True(errors.Count > 0, $"{operation} declares no error response");
            foreach (var (status, response) in errors)
            {
                Assert.True(response.TryGetProperty("content", out var content) && content.TryGetProperty("application/problem+json", out var media)
                            && document.IsProblemSchema(media.GetProperty("schema")), $"{operation} {status} is not a problem details response");
            }
        }
    }

    [Fact]
    public async Task Operations_that_refuse_anonymous_callers_require_the_bearer_scheme()
    {
        var anonymous = factory.CreateClient();
        var document = await OpenApiDocument.LoadAsync(anonymous);
        var schemes = document.Root.GetProperty("components").GetProperty("securitySchemes");
        var bearer = schemes.EnumerateObject().Single(scheme =>
            scheme.Value.GetProperty("type").GetString() == "http" && scheme.Value.GetProperty("scheme").GetString() == "bearer").Name;

        foreach (var operation in document.Operations)
        {
            using var response = await anonymous.SendAsync(operation.Request(Id, operation.JsonBody is null ? null : "{}"));
            var required = operation.Operation.TryGetProperty("security", out var security)
                           && security.EnumerateArray().Any(requirement => requirement.TryGetProperty(bearer, out _));
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                Assert.True(required, $"{operation} answers 401 without a token but does not require the bearer scheme");
                Assert.Contains(operation.Responses, declared => declared.Status == 401);
                Assert.Contains(operation.Responses, declared => declared.Status == 403);
            }
            else
            {
                Assert.False(required, $"{operation} answers {(int)response.StatusCode} without a token but requires the bearer scheme");
            }
        }
    }

    [Fact]
    public async Task Every_request_body_has_an_example_its_route_accepts()
    {
        var admin = factory.ClientFor(TestTokens.Admin());
        var document = await OpenApiDocument.LoadAsync(admin);

        foreach (var operation in document.Operations.Where(operation => operation.JsonBody is not null))
        {
            Assert.True(operation.JsonBody!.Value.TryGetProperty("example", out var example), $"{operation} has no request example");

            using var response = await admin.SendAsync(operation.Request(Id, example.GetRawText()));

            var status = (int)response.StatusCode;
            Assert.True(status < 400 || status == 404, $"{operation} rejects its own example with {status}: {await response.Content.ReadAsStringAsync()}");
            Assert.Contains(operation.Responses, declared => declared.Status == status);
        }
    }

    [Fact]
    public async Task Required_fields_are_exactly_those_whose_absence_the_route_rejects()
    {
        var admin = factory.ClientFor(TestTokens.Admin());
        var document = await OpenApiDocument.LoadAsync(admin);
        var checkedRemovals = 0;

        foreach (var operation in document.Operations.Where(operation => operation.JsonBody is not null))
        {
            var media = operation.JsonBody!.Value;
            foreach (var removal in RequiredFieldRemovals.Of(document, media.GetProperty("example"), media.GetProperty("schema")))
            {
                using var response = await admin.SendAsync(operation.Request(Id, removal.Body));

                var rejected = response.StatusCode == HttpStatusCode.BadRequest;
                Assert.True(removal.DocumentSaysInvalid == rejected,
                    $"{operation} without {removal.Field}: the document says {(removal.DocumentSaysInvalid ? "required" : "optional")}, the route answered {(int)response.StatusCode}");
                checkedRemovals++;
            }
        }

        Assert.True(checkedRemovals >= 20, $"only {checkedRemovals} fields were checked");
    }

    [Fact]
    public async Task Servers_never_come_from_the_host_header()
    {
        var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.Host = "evil.example";

        using var response = await client.SendAsync(request);
        var body = await HttpJson.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var servers = body.GetProperty("servers").EnumerateArray().Select(server => server.GetProperty("url").GetString()).ToList();
        Assert.Equal(["/"], servers);
    }

    [Fact]
    public async Task Servers_are_the_configured_public_base_url()
    {
        await using var configured = new GatewayFactory("Development", new Dictionary<string, string?> { ["PUBLIC_BASE_URL"] = "https://mastery.example.org" });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.Host = "evil.example";

        using var response = await configured.CreateClient().SendAsync(request);
        var body = await HttpJson.ReadAsync(response);

        var servers = body.GetProperty("servers").EnumerateArray().Select(server => server.GetProperty("url").GetString()).ToList();
        Assert.Equal(["https://mastery.example.org/"], servers);
    }
}
