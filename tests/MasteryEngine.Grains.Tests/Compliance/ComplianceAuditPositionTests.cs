namespace MasteryEngine.Grains.Tests.Compliance;

public sealed class ComplianceAuditPositionTests
{
    [Theory]
    [InlineData("0-0", 0, 0)]
    [InlineData("1764633600000-17", 1764633600000, 17)]
    public void Stream_ids_parse(string text, long milliseconds, long sequence)
    {
        Assert.True(ComplianceAuditPosition.TryParse(text, out var position));
        Assert.Equal(new ComplianceAuditPosition(milliseconds, sequence), position);
        Assert.Equal(text, position.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("5")]
    [InlineData("5-")]
    [InlineData("-5")]
    [InlineData("5--1")]
    [InlineData("5-1-2")]
    [InlineData(" 5-1")]
    [InlineData("+5-1")]
    [InlineData("99999999999999999999-0")]
    public void Anything_else_does_not(string? text)
    {
        Assert.False(ComplianceAuditPosition.TryParse(text, out _));
    }

    [Theory]
    [InlineData(1, 9, 2, 0, -1)]
    [InlineData(2, 0, 2, 1, -1)]
    [InlineData(2, 1, 2, 1, 0)]
    [InlineData(3, 0, 2, 9, 1)]
    public void Order_is_milliseconds_then_sequence(long leftMs, long leftSeq, long rightMs, long rightSeq, int sign)
    {
        Assert.Equal(sign, Math.Sign(new ComplianceAuditPosition(leftMs, leftSeq).CompareTo(new ComplianceAuditPosition(rightMs, rightSeq))));
    }
}
