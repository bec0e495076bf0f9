namespace MasteryEngine.ReviewAgent.Analysis;

/// <summary>
/// One message of one analyser, as it reported it. <paramref name="Rule"/> is the analyser's code (<c>E302</c>,
/// <c>C0116</c>) or, for pyflakes which has none, a name we give its message kind (<c>undefined-name</c>).
/// </summary>
/// <param name="Tool"><c>pylint</c>, <c>pyflakes</c>, <c>pycodestyle</c>, <c>radon</c> or <c>review</c> (our own rules).</param>
/// <param name="Name">A readable rule name (pylint's symbol), or the rule again.</param>
/// <param name="Column">1-based; 0 when the analyser gave none.</param>
public sealed record AnalyserFinding(string Tool, string Rule, string Name, int Line, int Column, string Message);
