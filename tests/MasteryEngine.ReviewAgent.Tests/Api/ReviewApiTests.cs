using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MasteryEngine.ReviewAgent.Tests.Infrastructure;

namespace MasteryEngine.ReviewAgent.Tests.Api;

/// <summary>The HTTP API over the real analysers: authentication, validation, the assessment's shape, /process.</summary>
public class ReviewApiTests(ReviewAgentFactory factory) : IClassFixture<ReviewAgentFactory>
{
    private const string Code = "import os\n\n\ndef add(first, second):\n    return first + secnd\n";

    private static object Body(string studentId, string code = Code, object? context = null) => new
    {
        student_id = studentId,
        student_code = code,
        problem_context = context ?? new { language = "python", problem_id = "sums-1", title = "Add two numbers" },
    };

    [Fact]
    public async Task An_assessment_has_a_score_sub_scores_findings_and_suggestions()
    {
        var student = TestTokens.NewId("student");
        using var client = factory.ClientFor(TestTokens.Student(student));

        using var response = await client.PostAsJsonAsync("/review/assess", Body(student));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data");
        var score = data.GetProperty("quality_score").GetDouble();
        Assert.InRange(score, 0, 0.9);
        foreach (var part in new[] { "correctness", "readability", "complexity", "structure" })
        {
            Assert.InRange(data.GetProperty("sub_scores").GetProperty(part).GetDouble(), 0, 1);
        }

        var undefined = data.GetProperty("findings").EnumerateArray().Single(finding => finding.GetProperty("rule_id").GetString() == "pyflakes/undefined-name");
        Assert.Equal(5, undefined.GetProperty("line").GetInt32());
        Assert.Equal("correctness", undefined.GetProperty("category").GetString());
        Assert.Equal("error", undefined.GetProperty("severity").GetString());
        Assert.False(string.IsNullOrWhiteSpace(undefined.GetProperty("explanation").GetString()));
        Assert.Equal("pyflakes/undefined-name", data.GetProperty("suggestions")[0].GetProperty("rule_id").GetString());
        Assert.Equal("disabled", data.GetProperty("mastery_event").GetProperty("status").GetString());
        Assert.StartsWith("review-", data.GetProperty("assessment_id").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_submission_gets_the_same_score_and_id()
    {
        var student = TestTokens.NewId("student");
        using var client = factory.ClientFor(TestTokens.Student(student));

        using var first = await client.PostAsJsonAsync("/review/assess", Body(student));
        using var second = await client.PostAsJsonAsync("/api/v1/review/assess", Body(student));

        var a = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data");
        var b = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data");
        Assert.Equal(a.GetProperty("quality_score").GetDouble(), b.GetProperty("quality_score").GetDouble());
        Assert.Equal(a.GetProperty("assessment_id").GetString(), b.GetProperty("assessment_id").GetString());
        Assert.Equal(a.GetProperty("findings").GetRawText(), b.GetProperty("findings").GetRawText());
    }

    [Fact]
    public async Task The_runbooks_sanitisation_request_with_an_empty_problem_context_is_refused()
    {
        using var client = factory.ClientFor(TestTokens.Admin());
        using var content = new StringContent("""{"student_code":"SELECT * FROM users --","problem_context":{}}""", System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("/review/assess", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("problem_context.language", out _));
        Assert.True(errors.TryGetProperty("problem_context.problem_id", out _));
        Assert.True(errors.TryGetProperty("student_id", out _));
        Assert.False(problem.GetProperty("success").GetBoolean());
        Assert.DoesNotContain("SELECT", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"student_id":"s1; DROP TABLE users;--","student_code":"x = 1","problem_context":{"language":"python","problem_id":"p1"}}""", "student_id")]
    [InlineData("""{"student_id":"s1","student_code":"x = 1","problem_context":{"language":"cobol","problem_id":"p1"}}""", "problem_context.language")]
    [InlineData("""{"student_id":"s1","student_code":"","problem_context":{"language":"python","problem_id":"p1"}}""", "student_code")]
    [InlineData("""{"student_id":"s1","student_code":"x = 1","problem_context":{"language":"python","problem_id":"<script>"}}""", "problem_context.problem_id")]
    [InlineData("""{"student_id":"s1","student_code":"x = 1"}""", "problem_context")]
    public async Task Invalid_fields_are_named_in_a_400(string body, string field)
    {
        using var client = factory.ClientFor(TestTokens.Admin());
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("/review/assess", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Code_over_the_size_limit_is_refused_before_analysis()
    {
        using var client = factory.ClientFor(TestTokens.Admin());

        using var response = await client.PostAsJsonAsync("/review/assess", Body("s1", code: new string('#', 70_000)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("student_code", out _));
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        using var client = factory.ClientFor(TestTokens.Admin());
        using var content = new StringContent("{\"student_id\": ", System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("/review/assess", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Without_a_token_the_answer_is_401()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/review/assess", Body("s1"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_signed_with_another_secret_is_401()
    {
        using var client = factory.ClientFor(TestTokens.Student("s1", secret: "another-secret-that-is-long-enough-to-sign!"));

        using var response = await client.PostAsJsonAsync("/review/assess", Body("s1"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("student")]
    [InlineData("teacher")]
    public async Task Only_the_student_or_an_admin_may_have_a_students_code_assessed(string role)
    {
        var token = role == "student" ? TestTokens.Student("student_a") : TestTokens.Teacher("teacher_1");
        using var client = factory.ClientFor(token);

        using var response = await client.PostAsJsonAsync("/review/assess", Body("student_b"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Process_with_the_quality_assessment_intent_answers_like_assess()
    {
        var student = TestTokens.NewId("student");
        using var client = factory.ClientFor(TestTokens.Student(student));

        using var nested = await client.PostAsJsonAsync("/process", new { intent = "quality_assessment", payload = Body(student) });
        using var flat = await client.PostAsJsonAsync("/process", new
        {
            intent = "quality_assessment", student_id = student, student_code = Code, problem_context = new { language = "python", problem_id = "sums-1" },
        });
        using var unknown = await client.PostAsJsonAsync("/process", new { intent = "mastery_query", payload = Body(student) });

        Assert.Equal(HttpStatusCode.OK, nested.StatusCode);
        Assert.Equal(HttpStatusCode.OK, flat.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var a = (await nested.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("quality_score").GetDouble();
        var b = (await flat.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("quality_score").GetDouble();
        Assert.Equal(a, b);
    }

    [Fact]
    public async Task The_runbooks_process_example_without_a_problem_context_is_a_400()
    {
        using var client = factory.ClientFor(TestTokens.Admin());

        using var response = await client.PostAsJsonAsync("/process", new { intent = "quality_assessment", student_code = "x=1" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
