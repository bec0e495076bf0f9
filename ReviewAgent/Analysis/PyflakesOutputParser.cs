using System.Globalization;
using System.Text.RegularExpressions;

namespace MasteryEngine.ReviewAgent.Analysis;

/// <summary>
/// Reads pyflakes' text output (<c>file:line:col: message</c>). pyflakes has no message codes, so each message kind
/// gets a name here; syntax errors are the lines it writes to stderr (with the offending source line after them).
/// </summary>
public static partial class PyflakesOutputParser
{
    public const string Tool = "pyflakes";

    public const string SyntaxErrorRule = "syntax-error";

    private static readonly (Regex Pattern, string Rule)[] Kinds =
    [
        (UndefinedName(), "undefined-name"),
        (MaybeUndefined(), "undefined-name-star-import"),
        (UnusedImport(), "unused-import"),
        (UnusedVariable(), "unused-variable"),
        (Redefinition(), "redefined-unused"),
        (StarImport(), "star-import"),
        (ReferencedBeforeAssignment(), "used-before-assignment"),
    ];

    public static (IReadOnlyList<AnalyserFinding> Findings, bool SyntaxError) Parse(string standardOutput, string standardError)
    {
        var findings = new List<AnalyserFinding>();
        foreach (var (line, column, message) in Messages(standardOutput))
        {
            var rule = Kinds.FirstOrDefault(kind => kind.Pattern.IsMatch(message)).Rule ?? "other";
            findings.Add(new AnalyserFinding(Tool, rule, rule, line, column, message));
        }

        var syntaxErrors = Messages(standardError)
            .Select(error => new AnalyserFinding(Tool, SyntaxErrorRule, SyntaxErrorRule, error.Line, error.Column, error.Message))
            .Take(1)
            .ToList();
        findings.AddRange(syntaxErrors);
        return (findings, syntaxErrors.Count > 0);
    }

    private static IEnumerable<(int Line, int Column, string Message)> Messages(string output)
    {
        foreach (Match match in MessageLine().Matches(output))
        {
            var line = int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture);
            var column = match.Groups["column"].Success ? int.Parse(match.Groups["column"].Value, CultureInfo.InvariantCulture) : 0;
            yield return (line, column, match.Groups["message"].Value.Trim());
        }
    }

    [GeneratedRegex(@"^[^:\n]+\.py:(?<line>\d+):(?:(?<column>\d+):)? (?<message>[^\n]*)$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex MessageLine();

    [GeneratedRegex(@"^undefined name ", RegexOptions.CultureInvariant)]
    private static partial Regex UndefinedName();

    [GeneratedRegex(@"may be undefined, or defined from star imports", RegexOptions.CultureInvariant)]
    private static partial Regex MaybeUndefined();

    [GeneratedRegex(@"imported but unused", RegexOptions.CultureInvariant)]
    private static partial Regex UnusedImport();

    [GeneratedRegex(@"is assigned to but never used", RegexOptions.CultureInvariant)]
    private static partial Regex UnusedVariable();

    [GeneratedRegex(@"^redefinition of unused ", RegexOptions.CultureInvariant)]
    private static partial Regex Redefinition();

    [GeneratedRegex(@"import \*' used", RegexOptions.CultureInvariant)]
    private static partial Regex StarImport();

    [GeneratedRegex(@"referenced before assignment", RegexOptions.CultureInvariant)]
    private static partial Regex ReferencedBeforeAssignment();
}
