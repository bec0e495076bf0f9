using MasteryEngine.ReviewAgent.Analysis;

namespace MasteryEngine.ReviewAgent.Scoring;

/// <summary>
/// Turns what the analysers found into a quality score, a pure function of the report (same code, same analysers:
/// same score). docs/review-agent.md explains each rule and its numbers.
/// <list type="bullet">
/// <item>quality = 0.40·correctness + 0.25·readability + 0.20·complexity + 0.15·structure</item>
/// <item>correctness: 0 when the program does not parse, else 0.5^errors · 0.85^min(warnings, 10)</item>
/// <item>readability: exp(−points / (4·size)), size = max(1, code lines / 10), each rule counted at most 10 times</item>
/// <item>complexity: (0.8·(mean + min of the functions' rank scores)/2 + 0.2·min(1, MI/50)) · 0.85^nesting · 0.9^branching</item>
/// <item>structure: 0.6·docstring coverage + 0.4·exp(−organisation points / 4)</item>
/// </list>
/// </summary>
public static class QualityRubric
{
    public const string Version = "1";

    public const double CorrectnessWeight = 0.40;
    public const double ReadabilityWeight = 0.25;
    public const double ComplexityWeight = 0.20;
    public const double StructureWeight = 0.15;

    /// <summary>One habit repeated on every line is one thing to learn, not fifty.</summary>
    public const int MaxCountedPerRule = 10;

    /// <summary>Functions and classes shorter than this need no docstring; nor does a module of at most <see cref="MinDocumentedModuleLines"/> code lines.</summary>
    public const int MinDocumentedBlockLines = 5;

    public const int MinDocumentedModuleLines = 10;

    public const int LongFunctionLines = 50;

    public const int ScriptWithoutFunctionsLines = 40;

    private const int MaxCountedWarnings = 10;
    private const int MaxCountedDesignFindings = 3;

    public static QualityScore Score(AnalysisReport report, int maxSuggestions = 3)
    {
        var findings = Findings(report);
        var subScores = new SubScores(
            Round(Correctness(report, findings)),
            Round(Readability(report, findings)),
            Round(Complexity(report, findings)),
            Round(Structure(report, findings)));
        var value = Round(
            CorrectnessWeight * subScores.Correctness + ReadabilityWeight * subScores.Readability
            + ComplexityWeight * subScores.Complexity + StructureWeight * subScores.Structure);
        var functions = report.Blocks.Where(block => block.IsFunction).ToList();
        var metrics = new CodeMetrics(
            report.CodeLines,
            functions.Count,
            functions.Count == 0 ? 0 : functions.Max(block => block.Complexity),
            report.MaintainabilityIndex is { } index ? Math.Round(index, 2, MidpointRounding.AwayFromZero) : null,
            report.SyntaxError);
        return new QualityScore(value, subScores, metrics, [.. findings.Select(finding => finding.Finding)], Suggestions(findings, maxSuggestions));
    }

    /// <summary>Score of one function by its cyclomatic complexity, on radon's rank bands (A ≤ 5, B ≤ 10, C ≤ 20, D ≤ 30, E ≤ 40, F).</summary>
    public static double RankScore(int complexity) => complexity switch
    {
        <= 5 => 1.0,
        <= 10 => 0.85,
        <= 20 => 0.6,
        <= 30 => 0.35,
        <= 40 => 0.2,
        _ => 0.1,
    };

    public static char Rank(int complexity) => complexity switch
    {
        <= 5 => 'A',
        <= 10 => 'B',
        <= 20 => 'C',
        <= 30 => 'D',
        <= 40 => 'E',
        _ => 'F',
    };

    private static double Correctness(AnalysisReport report, List<WeightedFinding> findings)
    {
        if (report.SyntaxError)
        {
            return 0;
        }

        var correctness = findings.Where(finding => finding.Category == FindingCategory.Correctness).ToList();
        var errors = correctness.Count(finding => finding.Finding.Severity == FindingSeverity.Error);
        var warnings = Math.Min(MaxCountedWarnings, correctness.Count(finding => finding.Finding.Severity == FindingSeverity.Warning));
        return Math.Pow(0.5, errors) * Math.Pow(0.85, warnings);
    }

    private static double Readability(AnalysisReport report, List<WeightedFinding> findings)
    {
        var points = Points(findings, FindingCategory.Readability, MaxCountedPerRule);
        var size = Math.Max(1.0, report.CodeLines / 10.0);
        return Math.Exp(-points / (4 * size));
    }

    private static double Complexity(AnalysisReport report, List<WeightedFinding> findings)
    {
        if (report.SyntaxError)
        {
            return 0;
        }

        var rankScores = report.Blocks.Where(block => block.IsFunction).Select(block => RankScore(block.Complexity)).ToList();
        var functions = rankScores.Count == 0 ? 1 : (rankScores.Average() + rankScores.Min()) / 2;
        var maintainability = report.MaintainabilityIndex is { } index ? Math.Clamp(index / 50, 0, 1) : 1;
        var nesting = Math.Min(MaxCountedDesignFindings, findings.Count(finding => finding.RuleId == "pylint/R1702"));
        var branching = Math.Min(MaxCountedDesignFindings, findings.Count(finding => finding.RuleId is "pylint/R0911" or "pylint/R0912"));
        return (0.8 * functions + 0.2 * maintainability) * Math.Pow(0.85, nesting) * Math.Pow(0.9, branching);
    }

    private static double Structure(AnalysisReport report, List<WeightedFinding> findings)
    {
        if (report.SyntaxError)
        {
            return 0;
        }

        var documentable = DocumentableBlocks(report).Count() + (IsDocumentableModule(report) ? 1 : 0);
        var undocumented = findings.Count(finding => IsDocstringRule(finding.RuleId));
        var coverage = documentable == 0 ? 1 : 1 - (double)Math.Min(undocumented, documentable) / documentable;
        var organisation = Points(
            findings.Where(finding => !IsDocstringRule(finding.RuleId)).ToList(), FindingCategory.Structure, MaxCountedDesignFindings);
        return 0.6 * coverage + 0.4 * Math.Exp(-organisation / 4);
    }

    private static double Points(List<WeightedFinding> findings, FindingCategory category, int maxPerRule) =>
        findings
            .Where(finding => finding.Category == category)
            .GroupBy(finding => finding.RuleId, StringComparer.Ordinal)
            .Sum(rule => rule.Take(maxPerRule).Sum(finding => finding.Weight));

    private static bool IsDocstringRule(string ruleId) => ruleId is "pylint/C0114" or "pylint/C0115" or "pylint/C0116";

    private static bool IsDocumentableModule(AnalysisReport report) => report.CodeLines > MinDocumentedModuleLines;

    private static IEnumerable<CodeBlock> DocumentableBlocks(AnalysisReport report) =>
        report.Blocks.Where(block => block.Length >= MinDocumentedBlockLines);

    private static List<WeightedFinding> Findings(AnalysisReport report)
    {
        // pylint asks every function for a docstring; the rubric only asks it of those long enough to need one.
        var documentable = DocumentableBlocks(report).Select(block => block.Line).ToHashSet();
        var findings = new List<WeightedFinding>();
        foreach (var finding in report.Findings)
        {
            if (FindingClassifier.Classify(finding) is not { } classification)
            {
                continue;
            }

            var ruleId = $"{finding.Tool}/{finding.Rule}";
            var needed = ruleId switch
            {
                "pylint/C0114" => IsDocumentableModule(report),
                "pylint/C0115" or "pylint/C0116" => documentable.Contains(finding.Line),
                _ => true,
            };
            if (needed)
            {
                findings.Add(Weighted(ruleId, finding.Name, classification, finding.Line, finding.Column, finding.Message));
            }
        }

        findings.AddRange(OwnFindings(report));
        return
        [
            .. findings
                .OrderBy(finding => finding.Finding.Line)
                .ThenBy(finding => finding.Finding.Column)
                .ThenBy(finding => finding.RuleId, StringComparer.Ordinal)
                .ThenBy(finding => finding.Finding.Message, StringComparer.Ordinal),
        ];
    }

    /// <summary>What the rubric itself reports: complex functions (radon), long functions, long scripts without any.</summary>
    private static IEnumerable<WeightedFinding> OwnFindings(AnalysisReport report)
    {
        if (report.SyntaxError)
        {
            yield break;
        }

        var functions = report.Blocks.Where(block => block.IsFunction).ToList();
        foreach (var block in functions)
        {
            var rank = Rank(block.Complexity);
            if (rank != 'A')
            {
                var classification = new RuleClassification(
                    FindingCategory.Complexity, rank == 'B' ? FindingSeverity.Suggestion : FindingSeverity.Warning, 0);
                yield return Weighted($"radon/cc-rank-{rank}", "cyclomatic-complexity", classification, block.Line, 1,
                    $"'{block.Name}' has a cyclomatic complexity of {block.Complexity} (rank {rank})");
            }

            if (block.Length > LongFunctionLines)
            {
                var classification = new RuleClassification(
                    FindingCategory.Structure, FindingSeverity.Suggestion, block.Length > 2 * LongFunctionLines ? 2 : 1);
                yield return Weighted("review/long-function", "long-function", classification, block.Line, 1,
                    $"'{block.Name}' is {block.Length} lines long (more than {LongFunctionLines})");
            }
        }

        if (functions.Count == 0 && report.CodeLines > ScriptWithoutFunctionsLines)
        {
            // A script costs more the longer it runs on without a single function: a point per 20 lines, at most 8.
            var points = Math.Min(8, report.CodeLines / 20.0);
            yield return Weighted("review/no-functions", "no-functions", new RuleClassification(FindingCategory.Structure, FindingSeverity.Suggestion, points),
                1, 1, $"{report.CodeLines} lines of code and not one function");
        }
    }

    private static WeightedFinding Weighted(string ruleId, string name, RuleClassification classification, int line, int column, string message) =>
        new(new ScoredFinding(ruleId, name, classification.Category, classification.Severity, line, column, message,
            FindingExplanations.For(ruleId, classification.Category, message)), classification.Weight);

    /// <summary>The rules that cost the most, worst kind first: errors, then warnings, then the rest; more occurrences first.</summary>
    private static List<Suggestion> Suggestions(List<WeightedFinding> findings, int limit) =>
    [
        .. findings
            .GroupBy(finding => finding.RuleId, StringComparer.Ordinal)
            .Select(rule => (First: rule.First().Finding, Count: rule.Count(), Lines: rule.Select(finding => finding.Finding.Line).Distinct().Order().ToList()))
            .OrderBy(rule => rule.First.Severity)
            .ThenByDescending(rule => rule.Count)
            .ThenBy(rule => rule.Lines[0])
            .ThenBy(rule => rule.First.RuleId, StringComparer.Ordinal)
            .Take(limit)
            .Select(rule => new Suggestion(rule.First.RuleId, rule.First.Category, rule.First.Explanation, [.. rule.Lines.Take(5)], rule.Count)),
    ];

    private static double Round(double value) => Math.Round(Math.Clamp(value, 0, 1), 3, MidpointRounding.AwayFromZero);
}
