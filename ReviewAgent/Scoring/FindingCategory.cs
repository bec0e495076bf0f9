using System.Text.Json.Serialization;

namespace MasteryEngine.ReviewAgent.Scoring;

/// <summary>The sub-score a finding counts against.</summary>
public enum FindingCategory
{
    [JsonStringEnumMemberName("correctness")]
    Correctness,
    [JsonStringEnumMemberName("readability")]
    Readability,
    [JsonStringEnumMemberName("complexity")]
    Complexity,
    [JsonStringEnumMemberName("structure")]
    Structure,
}
