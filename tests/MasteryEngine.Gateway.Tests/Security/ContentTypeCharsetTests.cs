using System.Net;
using System.Text;
using MasteryEngine.Gateway.Tests.Infrastructure;

namespace MasteryEngine.Gateway.Tests.Security;

/// <summary>The charset of a JSON body: UTF-8 (however it is written) is read, anything else is a 415 problem, never a 500.</summary>
public sealed class ContentTypeCharsetTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("application/json; charset=\"utf-8\"")]
    [InlineData("application/json;charset=utf8")]
    [InlineData("application/json")]
    public async Task Utf8_body_is_read_however_the_charset_is_written(string contentType)
    {
        var studentId = TestTokens.NewId("student");
        using var response = await PostAsync(factory.ClientFor(TestTokens.Admin()), contentType, $$"""{"student_id": "{{studentId}}"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("application/json; charset=bogus")]
    [InlineData("application/json; charset=utf-7")]
    [InlineData("application/json; charset=ibm037")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData("application/json; charset=")]
    [InlineData("application/json; charset=\"\"")]
    [InlineData("application/json; charset")]
    public async Task Other_charset_is_a_415_problem(string contentType)
    {
        using var response = await PostAsync(factory.ClientFor(TestTokens.Admin()), contentType, """{"student_id": "s1"}""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("UTF-8", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/mastery/calculate")]
    [InlineData("/api/v1/predictions/next-week")]
    [InlineData("/api/v1/batch/mastery")]
    [InlineData("/process")]
    public async Task Bogus_charset_is_a_415_on_every_json_route(string path)
    {
        using var content = Body("application/json; charset=bogus", """{"student_id": "s1"}""");
        using var response = await factory.ClientFor(TestTokens.Admin()).PostAsync(path, content);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string contentType, string json)
    {
        using var content = Body(contentType, json);
        // A write route: it answers 200 for a student it has not seen (reads answer 404 student-not-found).
        return await client.PostAsync("/api/v1/mastery/calculate", content);
    }

    /// <summary>The header exactly as given: HttpClient would otherwise normalise or refuse it.</summary>
    internal static ByteArrayContent Body(string contentType, string json)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        Assert.True(content.Headers.TryAddWithoutValidation("Content-Type", contentType));
        return content;
    }
}
