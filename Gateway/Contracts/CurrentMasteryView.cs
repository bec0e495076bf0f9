using System.Text.Json.Serialization;
using MasteryEngine.Grains;

namespace MasteryEngine.Gateway.Contracts;

/// <summary>A mastery result inside a query answer; components and breakdown are left out when not asked for.</summary>
public sealed record CurrentMasteryView(
    double MasteryScore,
    MasteryLevel Level,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ComponentScores? Components,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ComponentBreakdown>? Breakdown,
    IReadOnlyList<Recommendation> Recommendations,
    DateTimeOffset CalculatedAt)
{
    public static CurrentMasteryView From(MasteryResult result, bool includeComponents) => new(
        result.MasteryScore,
        result.Level,
        includeComponents ? result.Components : null,
        includeComponents ? result.Breakdown : null,
        result.Recommendations,
        result.CalculatedAt);
}
