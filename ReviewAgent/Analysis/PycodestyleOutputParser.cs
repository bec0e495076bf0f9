using System.Globalization;

namespace MasteryEngine.ReviewAgent.Analysis;

/// <summary>Reads pycodestyle's output in the format <see cref="Format"/> asks for: <c>row:col:code:text</c> per line.</summary>
public static class PycodestyleOutputParser
{
    public const string Tool = "pycodestyle";

    public const string Format = "%(row)d:%(col)d:%(code)s:%(text)s";

    public static IReadOnlyList<AnalyserFinding> Parse(string output)
    {
        var findings = new List<AnalyserFinding>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(':', 4);
            if (parts.Length == 4
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var row)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var column)
                && parts[2].Length > 0)
            {
                findings.Add(new AnalyserFinding(Tool, parts[2], parts[2], row, column, parts[3]));
            }
        }

        return findings;
    }
}
