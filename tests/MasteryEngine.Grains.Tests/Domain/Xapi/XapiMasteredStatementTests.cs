using System.Text.Json;
using MasteryEngine.Grains.Domain.Learning;
using MasteryEngine.Grains.Domain.Xapi;

namespace MasteryEngine.Grains.Tests.Domain.Xapi;

public class XapiMasteredStatementTests
{
    [Fact]
    public void A_mastered_statement_names_the_student_the_topic_and_the_knowledge()
    {
        var id = Guid.Parse("0b5f7c1e-6b7a-4d1c-8e11-2f0a3b4c5d6e");
        var json = XapiMasteredStatement.Build(
            id, "student_7", "fractions", new KnowledgeEstimate(0.93, 0.88, 0.96, 0.3, 24),
            new Uri("https://mastery.example"), new Uri("https://mastery.example/topics/"), new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

        var statement = JsonDocument.Parse(json).RootElement;
        Assert.Equal(id.ToString("D"), statement.GetProperty("id").GetString());
        Assert.Equal("http://adlnet.gov/expapi/verbs/mastered", statement.GetProperty("verb").GetProperty("id").GetString());
        Assert.Equal("student_7", statement.GetProperty("actor").GetProperty("account").GetProperty("name").GetString());
        Assert.Equal("https://mastery.example/topics/fractions", statement.GetProperty("object").GetProperty("id").GetString());
        Assert.Equal(0.93, statement.GetProperty("result").GetProperty("score").GetProperty("scaled").GetDouble());
        Assert.Equal(24, statement.GetProperty("result").GetProperty("extensions").GetProperty(XapiMasteredStatement.EvidenceExtension).GetInt32());
    }

    [Fact]
    public void A_mastered_statement_is_itself_a_valid_statement_whose_actor_maps_back_to_the_student()
    {
        var json = XapiMasteredStatement.Build(
            Guid.NewGuid(), "student_7", "fractions", new KnowledgeEstimate(0.93, 0.88, 0.96, 0.3, 24),
            new Uri("https://mastery.example"), new Uri("https://mastery.example/topics/"), DateTimeOffset.UnixEpoch);

        var (studentId, problem) = XapiStudentId.Of(JsonDocument.Parse(json).RootElement.GetProperty("actor"));

        Assert.Null(problem);
        Assert.Equal("student_7", studentId);
    }
}
