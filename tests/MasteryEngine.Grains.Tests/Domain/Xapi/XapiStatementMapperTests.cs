using System.Text.Json;
using MasteryEngine.Grains.Domain;
using MasteryEngine.Grains.Domain.Xapi;

namespace MasteryEngine.Grains.Tests.Domain.Xapi;

public class XapiStatementMapperTests
{
    private static readonly DateTimeOffset Received = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private const string Parent = """ "context":{"contextActivities":{"parent":[{"id":"https://lms.example/courses/algebra/fractions"}]}} """;

    private static string Statement(string verb, string result, string extra = "", string actor = """{"account":{"homePage":"https://lms.example","name":"student_7"}}""") =>
        $$"""
        {"id":"6f1c1f4e-0d64-4a5b-9b8f-3c2a9e1d7b10","actor":{{actor}},
         "verb":{"id":"http://adlnet.gov/expapi/verbs/{{verb}}"},
         "object":{"id":"https://lms.example/items/q17"},
         "result":{{result}}{{extra}}}
        """;

    private static XapiMapping Map(string json, string? version = "1.0.3") =>
        XapiStatementMapper.Map(JsonDocument.Parse(json).RootElement, version, Received);

    [Theory]
    [InlineData("answered", """{"success":true}""", "answer", """{"item_id":"q17","correct":true}""")]
    [InlineData("answered", """{"success":false,"duration":"PT4.5S"}""", "answer", """{"item_id":"q17","correct":false,"response_time_ms":4500}""")]
    [InlineData("answered", """{"score":{"scaled":0.75}}""", "answer", """{"item_id":"q17","correct":true,"score":0.75}""")]
    [InlineData("answered", """{"score":{"scaled":-0.5}}""", "answer", """{"item_id":"q17","correct":false,"score":0}""")]
    [InlineData("completed", """{"completion":true}""", "exercise.completed", """{"exercise_id":"https://lms.example/items/q17"}""")]
    [InlineData("passed", """{"score":{"scaled":0.9}}""", "quiz", """{"score":0.9,"max_score":1}""")]
    [InlineData("passed", """{"score":{"raw":8,"min":0,"max":10}}""", "quiz", """{"score":0.8,"max_score":1}""")]
    [InlineData("failed", """{"success":false}""", "quiz", """{"score":0,"max_score":1}""")]
    [InlineData("progressed", """{"extensions":{"https://w3id.org/xapi/cmi5/result/extensions/progress":40}}""", "completion", """{"completed_exercises":40,"total_exercises":100}""")]
    [InlineData("progressed", """{"score":{"scaled":0.25}}""", "completion", """{"completed_exercises":25,"total_exercises":100}""")]
    public void A_tutor_verb_maps_to_its_learning_event(string verb, string result, string eventType, string data)
    {
        var mapping = Map(Statement(verb, result, "," + Parent));

        Assert.True(mapping.IsValid, string.Join("; ", mapping.Rejections.Select(r => r.Message)));
        var learningEvent = Assert.Single(mapping.Events);
        Assert.Equal(eventType, learningEvent.EventType);
        Assert.Equal("student_7", learningEvent.StudentId);
        Assert.Equal("fractions", learningEvent.Topic);
        Assert.Equal("xapi:6f1c1f4e-0d64-4a5b-9b8f-3c2a9e1d7b10", learningEvent.EventId);
        Assert.Equal(JsonDocument.Parse(data).RootElement.ToString(), learningEvent.Data.ToString());
        Assert.True(LearningEventValidator.Validate(learningEvent).IsValid);
    }

    [Theory]
    [InlineData("""{"mbox":"mailto:Ada.Lovelace@School.example"}""", "ada.lovelace:school.example")]
    [InlineData("""{"objectType":"Agent","account":{"homePage":"https://lms.example","name":"u-42"}}""", "u-42")]
    public void The_actor_maps_to_a_student_id_by_the_documented_rule(string actor, string studentId)
    {
        var mapping = Map(Statement("answered", """{"success":true}""", "," + Parent, actor));

        Assert.Equal(studentId, Assert.Single(mapping.Events).StudentId);
    }

    [Theory]
    [InlineData(null, "§6.2")]
    [InlineData("0.95", "§6.2")]
    [InlineData("3.0.0", "§6.2")]
    public void A_missing_or_unsupported_version_header_is_refused(string? version, string rule)
    {
        var mapping = Map(Statement("answered", """{"success":true}""", "," + Parent), version);

        Assert.Contains(rule, Assert.Single(mapping.Rejections).Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2.0.0")]
    [InlineData("1.0.0")]
    [InlineData("1.0")]
    public void Versions_1_0_and_2_0_are_accepted(string version)
    {
        Assert.True(Map(Statement("answered", """{"success":true}""", "," + Parent), version).IsValid);
    }

    [Theory]
    [InlineData("""{"id":"not-a-uuid","actor":{"mbox":"mailto:a@b.example"},"verb":{"id":"http://adlnet.gov/expapi/verbs/answered"},"object":{"id":"https://x.example/q1"}}""", "§2.4.1")]
    [InlineData("""{"verb":{"id":"http://adlnet.gov/expapi/verbs/answered"},"object":{"id":"https://x.example/q1"}}""", "§2.4.2")]
    [InlineData("""{"actor":{"mbox":"mailto:a@b.example","account":{"homePage":"https://x.example","name":"a"}},"verb":{"id":"http://adlnet.gov/expapi/verbs/answered"},"object":{"id":"https://x.example/q1"}}""", "§2.4.2")]
    [InlineData("""{"actor":{"mbox_sha1sum":"ab12"},"verb":{"id":"http://adlnet.gov/expapi/verbs/answered"},"object":{"id":"https://x.example/q1"}}""", "§2.4.2")]
    [InlineData("""{"actor":{"objectType":"Group","member":[]},"verb":{"id":"http://adlnet.gov/expapi/verbs/answered"},"object":{"id":"https://x.example/q1"}}""", "§2.4.2")]
    [InlineData("""{"actor":{"account":{"name":"a"}},"verb":{"id":"http://adlnet.gov/expapi/verbs/answered"},"object":{"id":"https://x.example/q1"}}""", "§2.4.2")]
    [InlineData("""{"actor":{"mbox":"a@b.example"},"verb":{"id":"http://adlnet.gov/expapi/verbs/answered"},"object":{"id":"https://x.example/q1"}}""", "§2.4.2")]
    [InlineData("""{"actor":{"mbox":"mailto:a@b.example"},"verb":{"id":"answered"},"object":{"id":"https://x.example/q1"}}""", "§2.4.3")]
    [InlineData("""{"actor":{"mbox":"mailto:a@b.example"},"verb":{"id":"http://adlnet.gov/expapi/verbs/answered"}}""", "§2.4.4")]
    [InlineData("""{"actor":{"mbox":"mailto:a@b.example"},"verb":{"id":"http://adlnet.gov/expapi/verbs/answered"},"object":{"id":"q1"}}""", "§2.4.4")]
    [InlineData("""{"actor":{"mbox":"mailto:a@b.example"},"verb":{"id":"http://adlnet.gov/expapi/verbs/answered"},"object":{"id":"https://x.example/q1"},"result":{"score":{"scaled":1.5}}}""", "§2.4.5")]
    [InlineData("""{"actor":{"mbox":"mailto:a@b.example"},"verb":{"id":"http://adlnet.gov/expapi/verbs/answered"},"object":{"id":"https://x.example/q1"},"result":{"score":{"raw":11,"max":10}}}""", "§2.4.5")]
    [InlineData("""{"actor":{"mbox":"mailto:a@b.example"},"verb":{"id":"http://adlnet.gov/expapi/verbs/answered"},"object":{"id":"https://x.example/q1"},"result":{"success":"yes"}}""", "§2.4.5")]
    [InlineData("""{"actor":{"mbox":"mailto:a@b.example"},"verb":{"id":"http://adlnet.gov/expapi/verbs/answered"},"object":{"id":"https://x.example/q1"},"result":{"duration":"5 seconds"}}""", "§2.4.5")]
    [InlineData("""{"actor":{"mbox":"mailto:a@b.example"},"verb":{"id":"http://adlnet.gov/expapi/verbs/answered"},"object":{"id":"https://x.example/q1"},"timestamp":"yesterday"}""", "§2.4.7")]
    [InlineData("""{"actor":{"mbox":"mailto:a@b.example"},"verb":{"id":"http://adlnet.gov/expapi/verbs/answered"},"object":{"id":"https://x.example/q1"},"version":"0.9"}""", "§2.4.10")]
    [InlineData("""[]""", "§2.1")]
    [InlineData("""42""", "§2.1")]
    public void A_statement_that_breaks_the_spec_is_refused_naming_the_rule(string json, string rule)
    {
        var mapping = Map(json);

        Assert.Empty(mapping.Events);
        Assert.Contains(rule, Assert.Single(mapping.Rejections).Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("experienced", """{"success":true}""", true)]
    [InlineData("answered", """{"completion":true}""", true)]
    [InlineData("answered", """{"success":true}""", false)]
    [InlineData("progressed", """{"completion":false}""", true)]
    public void A_valid_statement_the_service_cannot_map_is_refused_with_the_mapping_rule(string verb, string result, bool withParent)
    {
        var mapping = Map(Statement(verb, result, withParent ? "," + Parent : ""));

        Assert.StartsWith("Mastery Engine xAPI mapping", Assert.Single(mapping.Rejections).Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void An_array_maps_every_statement_and_one_bad_statement_refuses_the_batch_with_its_index()
    {
        var good = Statement("answered", """{"success":true}""", "," + Parent);
        var bad = """{"actor":{"mbox":"mailto:a@b.example"},"verb":{"id":"x"},"object":{"id":"https://x.example/q1"}}""";

        Assert.Equal(2, Map($"[{good},{good.Replace("6f1c1f4e", "7f1c1f4e", StringComparison.Ordinal)}]").Events.Count);
        var refused = Map($"[{good},{bad}]");
        Assert.Empty(refused.Events);
        Assert.Equal(1, Assert.Single(refused.Rejections).Index);
    }

    [Fact]
    public void The_same_statement_id_twice_in_one_batch_is_refused()
    {
        var good = Statement("answered", """{"success":true}""", "," + Parent);

        Assert.Contains("§2.1", Assert.Single(Map($"[{good},{good}]").Rejections).Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_statement_without_an_id_gets_an_event_id_from_its_content_so_a_resend_is_idempotent()
    {
        var json = Statement("answered", """{"success":true}""", "," + Parent).Replace("\"id\":\"6f1c1f4e-0d64-4a5b-9b8f-3c2a9e1d7b10\",", "", StringComparison.Ordinal);
        var other = json.Replace("\"success\":true", "\"success\":false", StringComparison.Ordinal);

        var first = Assert.Single(Map(json).Events).EventId;
        Assert.StartsWith("xapi-sha256:", first, StringComparison.Ordinal);
        Assert.Equal(first, Assert.Single(Map(json).Events).EventId);
        Assert.NotEqual(first, Assert.Single(Map(other).Events).EventId);
    }

    [Fact]
    public void The_statement_timestamp_becomes_the_event_time_and_its_absence_the_receipt_time()
    {
        var stamped = Statement("answered", """{"success":true}""", "," + Parent + """, "timestamp":"2026-11-30T08:15:00Z" """);

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 15, 0, TimeSpan.Zero), Assert.Single(Map(stamped).Events).Timestamp);
        Assert.Equal(Received, Assert.Single(Map(Statement("answered", """{"success":true}""", "," + Parent)).Events).Timestamp);
    }
}
