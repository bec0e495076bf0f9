using MasteryEngine.ReviewAgent.Analysis;
using MasteryEngine.ReviewAgent.Scoring;

namespace MasteryEngine.ReviewAgent.Tests.Scoring;

public class QualityRubricTests
{
    private static readonly CodeBlock SimpleFunction = new("add", "function", 1, 6, 1);

    private static AnalysisReport Report(int codeLines = 20, bool syntaxError = false, double? index = 80, CodeBlock[]? blocks = null, params AnalyserFinding[] findings) =>
        new(codeLines, syntaxError, findings, blocks ?? [SimpleFunction], syntaxError ? null : index);

    private static AnalyserFinding Pylint(string rule, int line = 1, string name = "rule") => new("pylint", rule, name, line, 1, "message");

    private static AnalyserFinding Flake(string rule, int line = 1) => new("pyflakes", rule, rule, line, 1, "message");

    private static AnalyserFinding Style(string rule, int line = 1) => new("pycodestyle", rule, rule, line, 1, "message");

    [Fact]
    public void A_program_without_findings_scores_one_in_every_part()
    {
        var score = QualityRubric.Score(Report());

        Assert.Equal(new SubScores(1, 1, 1, 1), score.SubScores);
        Assert.Equal(1, score.Value);
        Assert.Empty(score.Findings);
        Assert.Empty(score.Suggestions);
    }

    public static TheoryData<string, AnalysisReport, double> CorrectnessCases => new()
    {
        { "one undefined name halves it", Report(findings: Flake("undefined-name")), 0.5 },
        { "two errors quarter it", Report(findings: [Flake("undefined-name"), Pylint("E1120")]), 0.25 },
        { "a likely bug costs 15%", Report(findings: Pylint("W0102")), 0.85 },
        { "an unused variable is a likely bug", Report(findings: Flake("unused-variable")), 0.85 },
        { "warnings count at most ten times", Report(findings: [.. Enumerable.Range(1, 30).Select(line => Pylint("W0104", line))]), 0.197 },
        { "code that does not parse scores zero", Report(syntaxError: true, findings: Flake("syntax-error")), 0 },
        { "style findings leave correctness alone", Report(findings: [Style("E302"), Pylint("C0103")]), 1 },
        { "pylint's informational messages are ignored", Report(findings: Pylint("I1101")), 1 },
    };

    [Theory]
    [MemberData(nameof(CorrectnessCases))]
    public void Correctness_follows_errors_and_warnings(string because, AnalysisReport report, double expected)
    {
        Assert.True(expected == QualityRubric.Score(report).SubScores.Correctness, because);
    }

    public static TheoryData<string, AnalysisReport, double> ReadabilityCases => new()
    {
        // exp(-points / (4 * max(1, lines / 10)))
        { "one issue in ten lines", Report(codeLines: 10, findings: Style("E302")), 0.779 },
        { "one issue in a hundred lines costs a tenth as much", Report(codeLines: 100, findings: Style("E302")), 0.975 },
        { "a W-warning of pycodestyle costs half", Report(codeLines: 10, findings: Style("W291")), 0.882 },
        { "a refactoring hint costs half", Report(codeLines: 10, findings: Pylint("R1705")), 0.882 },
        { "a rule counts at most ten times", Report(codeLines: 10, findings: [.. Enumerable.Range(1, 40).Select(line => Style("E231", line))]), 0.082 },
        { "an unused import is a readability matter", Report(codeLines: 10, findings: Flake("unused-import")), 0.779 },
    };

    [Theory]
    [MemberData(nameof(ReadabilityCases))]
    public void Readability_falls_with_the_density_of_style_issues(string because, AnalysisReport report, double expected)
    {
        Assert.True(expected == QualityRubric.Score(report).SubScores.Readability, $"{because}: {QualityRubric.Score(report).SubScores.Readability}");
    }

    public static TheoryData<string, AnalysisReport, double> ComplexityCases => new()
    {
        { "no functions is not complex", Report(blocks: []), 1 },
        { "a rank C function", Report(blocks: [new CodeBlock("f", "function", 1, 10, 15)]), 0.68 },
        { "the worst function weighs as much as the mean", Report(blocks: [SimpleFunction, new CodeBlock("f", "function", 8, 20, 45)]), 0.46 },
        { "a low maintainability index costs up to a fifth", Report(index: 10), 0.84 },
        { "deep nesting costs 15% a function", Report(findings: Pylint("R1702")), 0.85 },
        { "many branches cost 10%", Report(findings: Pylint("R0912")), 0.9 },
        { "code that does not parse scores zero", Report(syntaxError: true), 0 },
        { "a class's own complexity is not a function's", Report(blocks: [new CodeBlock("C", "class", 1, 30, 30)]), 1 },
    };

    [Theory]
    [MemberData(nameof(ComplexityCases))]
    public void Complexity_follows_the_functions_ranks(string because, AnalysisReport report, double expected)
    {
        Assert.True(expected == QualityRubric.Score(report).SubScores.Complexity, $"{because}: {QualityRubric.Score(report).SubScores.Complexity}");
    }

    public static TheoryData<string, AnalysisReport, double> StructureCases => new()
    {
        { "missing module docstring in a 20-line module: half the documentable units", Report(findings: Pylint("C0114")), 0.7 },
        { "a short module needs no docstring", Report(codeLines: 8, findings: Pylint("C0114")), 1 },
        { "a five-line function needs one", Report(findings: Pylint("C0116", line: 1)), 0.7 },
        { "a three-line function needs none", Report(blocks: [new CodeBlock("f", "function", 1, 3, 1)], findings: Pylint("C0116", line: 1)), 1 },
        { "too many arguments", Report(findings: Pylint("R0913")), 0.912 },
        { "a 120-line function", Report(codeLines: 130, blocks: [new CodeBlock("f", "function", 1, 120, 1)]), 0.843 },
        { "a 60-line script without functions: 3 points", Report(codeLines: 60, blocks: []), 0.789 },
        { "a 400-line script without functions: at most 8 points", Report(codeLines: 400, blocks: []), 0.654 },
        { "code that does not parse scores zero", Report(syntaxError: true), 0 },
    };

    [Theory]
    [MemberData(nameof(StructureCases))]
    public void Structure_follows_docstrings_and_organisation(string because, AnalysisReport report, double expected)
    {
        Assert.True(expected == QualityRubric.Score(report).SubScores.Structure, $"{because}: {QualityRubric.Score(report).SubScores.Structure}");
    }

    [Fact]
    public void The_score_is_the_weighted_sum_of_the_sub_scores()
    {
        var score = QualityRubric.Score(Report(codeLines: 10, findings: [Flake("undefined-name"), Style("E302"), Pylint("C0114"), Pylint("R1702")]));

        var expected = Math.Round(0.40 * score.SubScores.Correctness + 0.25 * score.SubScores.Readability
            + 0.20 * score.SubScores.Complexity + 0.15 * score.SubScores.Structure, 3);
        Assert.Equal(expected, score.Value);
        Assert.InRange(score.Value, 0.0, 1.0);
    }

    [Fact]
    public void Code_that_does_not_parse_keeps_only_its_readability_share()
    {
        var score = QualityRubric.Score(Report(codeLines: 10, syntaxError: true, findings: Flake("syntax-error")));

        Assert.Equal(0.25, score.Value);
        Assert.True(score.Metrics.SyntaxError);
    }

    [Fact]
    public void The_same_report_always_gets_the_same_score()
    {
        var report = Report(codeLines: 37, findings: [Flake("undefined-name", 3), Style("E231", 4), Style("E231", 9), Pylint("C0103", 2), Pylint("W0102", 7)]);

        var scores = Enumerable.Range(0, 20).Select(_ => QualityRubric.Score(report)).ToList();

        Assert.All(scores, score => Assert.Equal(scores[0].Value, score.Value));
        Assert.All(scores, score => Assert.Equal(scores[0].Findings, score.Findings));
    }

    [Fact]
    public void Complex_and_long_functions_are_findings_with_lines_and_explanations()
    {
        var score = QualityRubric.Score(Report(codeLines: 130, blocks: [new CodeBlock("tangle", "function", 12, 131, 24)]));

        var complexity = Assert.Single(score.Findings, finding => finding.RuleId == "radon/cc-rank-D");
        Assert.Equal(12, complexity.Line);
        Assert.Contains("tangle", complexity.Message, StringComparison.Ordinal);
        Assert.Single(score.Findings, finding => finding.RuleId == "review/long-function");
        Assert.All(score.Findings, finding => Assert.False(string.IsNullOrWhiteSpace(finding.Explanation)));
    }

    [Fact]
    public void Suggestions_put_errors_first_then_the_most_repeated_rules()
    {
        var report = Report(codeLines: 40, findings:
        [
            Style("E231", 2), Style("E231", 5), Style("E231", 9), Pylint("C0103", 3), Flake("undefined-name", 30), Pylint("W0102", 20),
        ]);

        var suggestions = QualityRubric.Score(report, maxSuggestions: 3).Suggestions;

        Assert.Equal(["pyflakes/undefined-name", "pylint/W0102", "pycodestyle/E231"], suggestions.Select(suggestion => suggestion.RuleId));
        Assert.Equal([2, 5, 9], suggestions[2].Lines);
        Assert.Equal(3, suggestions[2].Occurrences);
    }

    [Fact]
    public void Rules_without_their_own_explanation_get_their_categorys_with_the_message()
    {
        var score = QualityRubric.Score(Report(findings: new AnalyserFinding("pylint", "W9999", "odd-thing", 4, 1, "Something odd")));

        Assert.Contains("Something odd", Assert.Single(score.Findings).Explanation, StringComparison.Ordinal);
    }
}
