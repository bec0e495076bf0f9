using System.Net;
using System.Text;
using System.Text.Json;
using MasteryEngine.Gateway.Tests.Infrastructure;

namespace MasteryEngine.Gateway.Tests;

public sealed class LearnerApiTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private HttpClient Admin => factory.ClientFor(TestTokens.Admin());

    private static string Answer(string studentId, string eventId, string item, bool correct, string topic = "fractions") => $$"""
        {"event_type": "answer", "student_id": "{{studentId}}", "event_id": "{{eventId}}", "topic": "{{topic}}",
         "data": {"item_id": "{{item}}", "correct": {{(correct ? "true" : "false")}}} }
        """;

    [Fact]
    public async Task Ingest_with_wait_applies_the_answer_and_returns_what_the_model_predicted_before_it()
    {
        var studentId = TestTokens.NewId("student");
        var client = factory.ClientFor(TestTokens.Student(studentId));

        var (firstStatus, first) = await client.PostAsync("/api/v1/mastery/ingest?wait=true", Answer(studentId, "a-1", TestTokens.NewId("item"), true));
        var (secondStatus, second) = await client.PostAsync("/api/v1/mastery/ingest?wait=true", Answer(studentId, "a-2", TestTokens.NewId("item"), true));
        var query = await client.QueryAsync(studentId);

        Assert.Equal(HttpStatusCode.OK, firstStatus);
        Assert.Equal(HttpStatusCode.OK, secondStatus);
        Assert.True(first.Path("data.applied").GetBoolean());
        Assert.InRange(first.Path("data.predicted_correct").GetDouble(), 0.01, 0.99);
        Assert.True(second.Path("data.predicted_correct").GetDouble() > first.Path("data.predicted_correct").GetDouble());
        Assert.Equal(2, second.Path("data.knowledge.evidence").GetInt32());
        Assert.True(second.Path("data.knowledge.little_evidence").GetBoolean());
        var topic = query.GetProperty("topics")[0];
        Assert.Equal("fractions", topic.GetProperty("topic").GetString());
        Assert.Equal(2, topic.Path("knowledge.evidence").GetInt32());
        Assert.InRange(topic.Path("knowledge.knowledge").GetDouble(), topic.Path("knowledge.knowledge_low").GetDouble(), topic.Path("knowledge.knowledge_high").GetDouble());
        Assert.True(query.Path("current_mastery.components.quiz").GetDouble() > 0.9, "two correct answers are two full-credit quizzes");
    }

    [Fact]
    public async Task Ingest_with_wait_reports_a_repeated_event_as_not_applied_and_keeps_the_usual_refusals()
    {
        var studentId = TestTokens.NewId("student");
        var item = TestTokens.NewId("item");

        await Admin.PostAsync("/api/v1/mastery/ingest?wait=true", Answer(studentId, "a-1", item, true));
        var (repeatStatus, repeat) = await Admin.PostAsync("/api/v1/mastery/ingest?wait=true", Answer(studentId, "a-1", item, true));
        using var invalid = await Admin.PostJsonAsync("/api/v1/mastery/ingest?wait=true",
            $$$"""{"event_type": "answer", "student_id": "{{{studentId}}}", "topic": "fractions", "data": {"correct": true}}""");
        using var foreign = await factory.ClientFor(TestTokens.Student("student_a")).PostJsonAsync("/api/v1/mastery/ingest?wait=true", Answer("student_b", "a-1", item, true));
        var (acceptedStatus, _) = await Admin.PostAsync("/api/v1/mastery/ingest", Answer(studentId, "a-3", item, false));

        Assert.Equal(HttpStatusCode.OK, repeatStatus);
        Assert.False(repeat.Path("data.applied").GetBoolean());
        Assert.False(repeat.GetProperty("data").TryGetProperty("predicted_correct", out _));
        await invalid.AssertProblemAsync(HttpStatusCode.BadRequest);
        await foreign.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Accepted, acceptedStatus);
    }

    [Fact]
    public async Task Predict_answer_gives_p_correct_with_its_interval_and_follows_the_students_answers()
    {
        var studentId = TestTokens.NewId("student");
        var client = factory.ClientFor(TestTokens.Student(studentId));
        var item = TestTokens.NewId("item");
        var request = $$"""{"student_id": "{{studentId}}", "item_id": "{{item}}", "topic": "fractions"}""";

        var (status, before) = await client.PostAsync("/api/v1/mastery/predict-answer", request);
        for (var i = 0; i < 3; i++)
        {
            await client.PostAsync("/api/v1/mastery/ingest?wait=true", Answer(studentId, $"a-{i}", TestTokens.NewId("item"), false));
        }

        var (_, after) = await client.PostAsync("/api/v1/mastery/predict-answer", request);

        Assert.Equal(HttpStatusCode.OK, status);
        var p = before.Path("data.p_correct").GetDouble();
        Assert.InRange(p, before.Path("data.p_correct_low").GetDouble(), before.Path("data.p_correct_high").GetDouble());
        Assert.True(before.Path("data.standard_error").GetDouble() > 0);
        Assert.Equal(0, before.Path("data.evidence").GetInt32());
        Assert.True(before.Path("data.little_evidence").GetBoolean());
        Assert.True(after.Path("data.p_correct").GetDouble() < p, "three wrong answers lower the prediction");
        Assert.Equal(3, after.Path("data.evidence").GetInt32());
    }

    [Fact]
    public async Task Predict_answer_checks_its_fields_and_who_may_read()
    {
        using var missing = await Admin.PostJsonAsync("/api/v1/mastery/predict-answer", """{"student_id": "s1", "topic": "fractions"}""");
        using var foreign = await factory.ClientFor(TestTokens.Student("student_a")).PostJsonAsync("/api/v1/mastery/predict-answer",
            """{"student_id": "student_b", "item_id": "q1", "topic": "fractions"}""");

        var problem = await missing.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("item_id", problem.GetRawText());
        await foreign.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    private static string Statement(string id, string studentId, bool success) => $$$"""
        {"id": "{{{id}}}", "actor": {"account": {"homePage": "https://lms.example", "name": "{{{studentId}}}"}},
         "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
         "object": {"id": "https://lms.example/items/q17"},
         "result": {"success": {{{(success ? "true" : "false")}}}},
         "context": {"contextActivities": {"parent": [{"id": "https://lms.example/courses/algebra/fractions"}]} } }
        """;

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostStatementsAsync(string body, string? version = "1.0.3")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/xapi/statements") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (version is not null)
        {
            request.Headers.Add("X-Experience-API-Version", version);
        }

        using var response = await Admin.SendAsync(request);
        return (response.StatusCode, await HttpJson.ReadAsync(response));
    }

    [Fact]
    public async Task Xapi_statements_are_applied_once_per_statement_id_and_answer_with_their_ids()
    {
        var studentId = TestTokens.NewId("student");
        var first = Guid.NewGuid().ToString();
        var second = Guid.NewGuid().ToString();

        var (status, ids) = await PostStatementsAsync($"[{Statement(first, studentId, true)}, {Statement(second, studentId, false)}]", "2.0.0");
        var (resentStatus, _) = await PostStatementsAsync(Statement(first, studentId, true));
        var query = await Admin.QueryAsync(studentId);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([first, second], ids.EnumerateArray().Select(id => id.GetString()));
        Assert.Equal(HttpStatusCode.OK, resentStatus);
        var topic = query.GetProperty("topics")[0];
        Assert.Equal("fractions", topic.GetProperty("topic").GetString());
        Assert.Equal(2, topic.Path("knowledge.evidence").GetInt32());
    }

    [Theory]
    [InlineData(null, "§6.2")]
    [InlineData("0.95", "§6.2")]
    public async Task Xapi_without_a_supported_version_header_is_a_400_naming_the_rule(string? version, string rule)
    {
        var (status, problem) = await PostStatementsAsync(Statement(Guid.NewGuid().ToString(), "student_x", true), version);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(rule, problem.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task An_invalid_statement_is_a_400_naming_the_rule_and_nothing_of_its_batch_is_applied()
    {
        var studentId = TestTokens.NewId("student");
        var broken = Statement(Guid.NewGuid().ToString(), studentId, true).Replace("\"verb\"", "\"verbs\"", StringComparison.Ordinal);

        var (status, problem) = await PostStatementsAsync($"[{Statement(Guid.NewGuid().ToString(), studentId, true)}, {broken}]");
        var (queryStatus, _) = await Admin.PostAsync("/api/v1/mastery/query", $$"""{"student_id": "{{studentId}}"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(1, problem.GetProperty("statement_index").GetInt32());
        Assert.Contains("verb", problem.GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.NotFound, queryStatus);
    }
}
