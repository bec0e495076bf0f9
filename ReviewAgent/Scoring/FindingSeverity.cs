using System.Text.Json.Serialization;

namespace MasteryEngine.ReviewAgent.Scoring;

public enum FindingSeverity
{
    /// <summary>The program fails or does the wrong thing when this line runs.</summary>
    [JsonStringEnumMemberName("error")]
    Error,

    /// <summary>Probably a mistake, or a habit that causes them.</summary>
    [JsonStringEnumMemberName("warning")]
    Warning,

    /// <summary>Works, but is harder to read, change or reuse than it needs to be.</summary>
    [JsonStringEnumMemberName("suggestion")]
    Suggestion,
}
