using MasteryEngine.Grains.Domain.Xapi;

namespace MasteryEngine.Grains.Tests.Domain.Xapi;

public sealed class XapiStatementIdsTests
{
    [Fact]
    public void The_same_crossing_always_gets_the_same_id_and_another_crossing_another_id()
    {
        var id = XapiStatementIds.Mastered("student_7", "fractions", "answer-14");

        Assert.Equal(id, XapiStatementIds.Mastered("student_7", "fractions", "answer-14"));
        Assert.NotEqual(id, XapiStatementIds.Mastered("student_7", "fractions", "answer-15"));
        Assert.NotEqual(id, XapiStatementIds.Mastered("student_7", "decimals", "answer-14"));
        Assert.NotEqual(id, XapiStatementIds.Mastered("student_8", "fractions", "answer-14"));
    }

    [Fact]
    public void An_id_is_an_rfc_9562_version_8_uuid_with_the_rfc_variant()
    {
        var text = XapiStatementIds.Of("anything").ToString("D");

        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", text);
    }
}
