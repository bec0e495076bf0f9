using MasteryEngine.ReviewAgent.Analysis;

namespace MasteryEngine.ReviewAgent.Scoring;

/// <summary>Which sub-score each analyser rule counts against, how severe it is, and what it costs.</summary>
public static class FindingClassifier
{
    private static readonly HashSet<string> ComplexityRules = new(StringComparer.Ordinal) { "R0911", "R0912", "R1702" };

    private static readonly HashSet<string> StructureRules = new(StringComparer.Ordinal)
    {
        "C0114", "C0115", "C0116", "R0902", "R0904", "R0913", "R0914", "R0915", "R0917", "W0602", "W0603",
    };

    private static readonly HashSet<string> ReadabilityWarnings = new(StringComparer.Ordinal) { "W0107", "W0613" };

    private static readonly HashSet<string> PyflakesErrors = new(StringComparer.Ordinal)
    {
        PyflakesOutputParser.SyntaxErrorRule, "undefined-name", "used-before-assignment",
    };

    private static readonly HashSet<string> PyflakesReadability = new(StringComparer.Ordinal) { "unused-import", "star-import" };

    /// <returns>Null for messages that say nothing about the student's code (pylint's informational and fatal ones).</returns>
    public static RuleClassification? Classify(AnalyserFinding finding) => finding.Tool switch
    {
        PylintOutputParser.Tool => Pylint(finding.Rule),
        PyflakesOutputParser.Tool => PyflakesErrors.Contains(finding.Rule)
            ? new(FindingCategory.Correctness, FindingSeverity.Error, 1)
            : PyflakesReadability.Contains(finding.Rule)
                ? new(FindingCategory.Readability, FindingSeverity.Suggestion, 1)
                : new(FindingCategory.Correctness, FindingSeverity.Warning, 1),
        PycodestyleOutputParser.Tool => new(FindingCategory.Readability, FindingSeverity.Suggestion, finding.Rule.StartsWith('W') ? 0.5 : 1),
        _ => null,
    };

    private static RuleClassification? Pylint(string rule)
    {
        if (ComplexityRules.Contains(rule))
        {
            return new(FindingCategory.Complexity, FindingSeverity.Warning, 1);
        }

        if (StructureRules.Contains(rule))
        {
            return new(FindingCategory.Structure, FindingSeverity.Suggestion, 1);
        }

        if (ReadabilityWarnings.Contains(rule))
        {
            return new(FindingCategory.Readability, FindingSeverity.Suggestion, 0.5);
        }

        return rule.Length == 0 ? null : rule[0] switch
        {
            'E' => new(FindingCategory.Correctness, FindingSeverity.Error, 1),
            'W' => new(FindingCategory.Correctness, FindingSeverity.Warning, 1),
            'C' => new(FindingCategory.Readability, FindingSeverity.Suggestion, 1),
            'R' => new(FindingCategory.Readability, FindingSeverity.Suggestion, 0.5),
            _ => null,
        };
    }
}
