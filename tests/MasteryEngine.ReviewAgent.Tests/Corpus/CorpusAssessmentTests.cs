using MasteryEngine.ReviewAgent.Scoring;

namespace MasteryEngine.ReviewAgent.Tests.Corpus;

/// <summary>The rubric on real analyser output for the corpus of small Python programs.</summary>
public class CorpusAssessmentTests(CorpusFixture corpus) : IClassFixture<CorpusFixture>
{
    [Theory]
    [InlineData("clean", 0.95, 1.0)]
    [InlineData("stylistic", 0.5, 0.85)]
    [InlineData("syntax_error", 0.0, 0.25)]
    [InlineData("undefined_names", 0.45, 0.75)]
    [InlineData("deeply_nested", 0.75, 0.95)]
    [InlineData("very_long", 0.8, 0.95)]
    public void Each_program_scores_in_its_band(string program, double low, double high)
    {
        var score = corpus.Score(program);

        Assert.InRange(score.Value, low, high);
    }

    [Fact]
    public void Clean_code_scores_above_every_flawed_program()
    {
        var clean = corpus.Score("clean").Value;

        Assert.All(Infrastructure.Corpus.Names.Where(name => name != "clean"), name => Assert.True(corpus.Score(name).Value < clean, name));
    }

    [Fact]
    public void Clean_code_has_no_correctness_or_readability_findings()
    {
        var score = corpus.Score("clean");

        Assert.Equal(1, score.SubScores.Correctness);
        Assert.Equal(1, score.SubScores.Readability);
    }

    [Fact]
    public void Stylistic_problems_cost_readability_but_not_correctness()
    {
        var score = corpus.Score("stylistic");

        Assert.Equal(1, score.SubScores.Correctness);
        Assert.True(score.SubScores.Readability < 0.5, $"readability {score.SubScores.Readability}");
        Assert.Contains(score.Findings, finding => finding.RuleId == "pycodestyle/E225");
        Assert.Contains(score.Findings, finding => finding.RuleId == "pylint/C0103");
    }

    [Fact]
    public void A_syntax_error_is_found_on_its_line_and_zeroes_correctness()
    {
        var score = corpus.Score("syntax_error");

        var error = Assert.Single(score.Findings, finding => finding.RuleId == "pyflakes/syntax-error");
        Assert.Equal(6, error.Line);
        Assert.Equal(FindingSeverity.Error, error.Severity);
        Assert.Equal(0, score.SubScores.Correctness);
        Assert.Equal("pyflakes/syntax-error", score.Suggestions[0].RuleId);
    }

    [Fact]
    public void Undefined_names_are_errors_on_their_lines()
    {
        var score = corpus.Score("undefined_names");

        var undefined = score.Findings.Where(finding => finding.RuleId == "pyflakes/undefined-name").ToList();
        Assert.Equal([8, 13], undefined.Select(finding => finding.Line));
        Assert.Equal(0.25, score.SubScores.Correctness);
    }

    [Fact]
    public void Deep_nesting_costs_complexity()
    {
        var score = corpus.Score("deeply_nested");

        Assert.Contains(score.Findings, finding => finding.RuleId == "pylint/R1702");
        Assert.True(score.SubScores.Complexity < 0.8, $"complexity {score.SubScores.Complexity}");
        Assert.Equal(10, score.Metrics.MaxComplexity);
    }

    [Fact]
    public void A_very_long_script_without_functions_costs_structure()
    {
        var score = corpus.Score("very_long");

        Assert.Contains(score.Findings, finding => finding.RuleId == "review/no-functions");
        Assert.True(score.SubScores.Structure < 0.7, $"structure {score.SubScores.Structure}");
        Assert.True(score.Metrics.CodeLines > 300);
    }

    [Fact]
    public void The_same_code_gets_the_same_report_and_score()
    {
        Assert.Equal(corpus.Reports["clean"].Findings, corpus.CleanAgain.Findings);
        Assert.Equal(corpus.Reports["clean"].Blocks, corpus.CleanAgain.Blocks);
        Assert.Equal(corpus.Score("clean"), Scoring(corpus.CleanAgain), new QualityScoreComparer());
    }

    private static QualityScore Scoring(MasteryEngine.ReviewAgent.Analysis.AnalysisReport report) => QualityRubric.Score(report);

    private sealed class QualityScoreComparer : IEqualityComparer<QualityScore>
    {
        public bool Equals(QualityScore? x, QualityScore? y) =>
            x is not null && y is not null && x.Value == y.Value && x.SubScores == y.SubScores && x.Metrics == y.Metrics
            && x.Findings.SequenceEqual(y.Findings) && x.Suggestions.Select(s => s.RuleId).SequenceEqual(y.Suggestions.Select(s => s.RuleId));

        public int GetHashCode(QualityScore obj) => obj.Value.GetHashCode();
    }
}
