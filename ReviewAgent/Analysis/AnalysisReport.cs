namespace MasteryEngine.ReviewAgent.Analysis;

/// <summary>Everything the analysers said about one program: the input of the scoring rubric.</summary>
/// <param name="CodeLines">Lines holding more than whitespace.</param>
/// <param name="SyntaxError">The program does not parse, so only its text could be checked.</param>
/// <param name="MaintainabilityIndex">radon's index, 0..100; null when the program does not parse.</param>
public sealed record AnalysisReport(
    int CodeLines,
    bool SyntaxError,
    IReadOnlyList<AnalyserFinding> Findings,
    IReadOnlyList<CodeBlock> Blocks,
    double? MaintainabilityIndex);
