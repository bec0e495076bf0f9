namespace MasteryEngine.Grains.Domain.Xapi;

/// <summary>A statement breaks <see cref="Rule"/>; the mapper turns it into an <see cref="XapiRejection"/>.</summary>
internal sealed class XapiRuleViolation(string rule, string message) : Exception(message)
{
    public string Rule { get; } = rule;
}
