namespace MasteryEngine.ReviewAgent.Scoring;

/// <param name="RuleId"><c>tool/rule</c>, e.g. <c>pycodestyle/E302</c>, <c>pylint/C0116</c>, <c>pyflakes/undefined-name</c>.</param>
/// <param name="Name">The rule's readable name (pylint's symbol), e.g. <c>missing-function-docstring</c>.</param>
/// <param name="Message">What the analyser said.</param>
/// <param name="Explanation">What to do about it, for the student.</param>
public sealed record ScoredFinding(
    string RuleId,
    string Name,
    FindingCategory Category,
    FindingSeverity Severity,
    int Line,
    int Column,
    string Message,
    string Explanation);
