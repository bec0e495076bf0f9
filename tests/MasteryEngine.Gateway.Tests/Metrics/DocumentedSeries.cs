using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MasteryEngine.Gateway.Tests.Metrics;

/// <summary>
/// The series the operators' documents name, read from the documents themselves: the PromQL of the runbooks
/// (```promql blocks), of the alert rules, their tests and the Grafana dashboard; the <c>curl .../metrics | grep</c>
/// patterns of the runbooks; and the first column of the runbook's metric-family table. A name ending in
/// <c>*</c> (<c>dotnet_*</c>) or coming from a grep is a prefix some sample must start with.
/// </summary>
public sealed partial class DocumentedSeries
{

    private static readonly HashSet<string> PromQlWords = new(StringComparer.Ordinal)
    {
        "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool", "offset", "inf", "nan",
    };

    private DocumentedSeries(IReadOnlyDictionary<string, string> names, IReadOnlyDictionary<string, string> prefixes)
    {
        Names = names;
        Prefixes = prefixes;
    }

    /// <summary>Exact series or family names, each with the document that names it.</summary>
    public IReadOnlyDictionary<string, string> Names { get; }

    /// <summary>Prefixes some sample line must start with, each with the document that names it.</summary>
    public IReadOnlyDictionary<string, string> Prefixes { get; }

    public static DocumentedSeries Read()
    {
        var root = RepositoryRoot();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var prefixes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in (string[])["docs/runbooks.md", "docs/troubleshooting.md"])
        {
            var text = File.ReadAllText(Path.Combine(root, document));
            foreach (var query in FencedBlocks(text, "promql"))
            {
                AddPromQl(names, query, document);
            }

            foreach (var pattern in MetricsGrepPattern().Matches(text).Select(m => m.Groups["pattern"].Value))
            {
                foreach (var prefix in GrepAlternatives(pattern))
                {
                    prefixes.TryAdd(prefix, document);
                }
            }

            foreach (var family in FamilyTableNames(text))
            {
                if (family.EndsWith('*'))
                {
                    prefixes.TryAdd(family.TrimEnd('*'), document);
                }
                else
                {
                    names.TryAdd(family, document);
                }
            }
        }

        foreach (var rules in (string[])["deploy/monitoring/prometheus-rules.yaml", "deploy/monitoring/prometheus-rules.test.yaml"])
        {
            var text = File.ReadAllText(Path.Combine(root, rules));
            foreach (var expr in YamlExpressions(text))
            {
                AddPromQl(names, expr, rules);
            }

            foreach (var series in YamlSeries().Matches(text).Select(m => m.Groups["name"].Value))
            {
                names.TryAdd(series, rules);
            }
        }

        const string dashboard = "deploy/monitoring/grafana-dashboard.json";
        using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, dashboard))))
        {
            foreach (var expr in StringsNamed(json.RootElement, "expr"))
            {
                AddPromQl(names, expr, dashboard);
            }
        }

        foreach (var external in names.Keys.Where(IsExposedByOthers).ToList())
        {
            names.Remove(external);
        }

        return new DocumentedSeries(names, prefixes);
    }

    /// <summary>The metric names of one PromQL expression (comments, label matchers, ranges, grouping and functions left out).</summary>
    public static IEnumerable<string> PromQlNames(string query)
    {
        var code = string.Join('\n', query.Split('\n').Select(line => line.Split('#')[0]));
        code = LabelMatchers().Replace(code, " ");
        code = Ranges().Replace(code, " ");
        code = Grouping().Replace(code, " ");
        return Identifier().Matches(code)
            .Where(m => !IsFunctionCall(code, m.Index + m.Length) && !PromQlWords.Contains(m.Value.ToLowerInvariant()))
            .Select(m => m.Value)
            .Distinct(StringComparer.Ordinal);
    }

    /// <summary>The literal prefixes an anchored extended-regex grep (<c>^(a_(sum|count)|b)</c>) accepts.</summary>
    public static IReadOnlyList<string> GrepAlternatives(string pattern)
    {
        var position = 0;
        var text = pattern.TrimStart('^');
        return [.. Alternatives(text, ref position)];
    }

    /// <summary>Series written by others: Prometheus itself (<c>up</c>) and the kubelet's cAdvisor (<c>container_*</c>).</summary>
    private static bool IsExposedByOthers(string name) => name == "up" || name.StartsWith("container_", StringComparison.Ordinal);

    private static void AddPromQl(Dictionary<string, string> names, string query, string source)
    {
        foreach (var name in PromQlNames(query))
        {
            names.TryAdd(name, source);
        }
    }

    private static bool IsFunctionCall(string code, int end)
    {
        while (end < code.Length && char.IsWhiteSpace(code[end]))
        {
            end++;
        }

        return end < code.Length && code[end] == '(';
    }

    private static List<string> Alternatives(string text, ref int position)
    {
        var results = new List<string>();
        var current = new List<string> { "" };
        while (position < text.Length && text[position] != ')')
        {
            var c = text[position++];
            switch (c)
            {
                case '|':
                    results.AddRange(current);
                    current = [""];
                    break;
                case '(':
                    var inner = Alternatives(text, ref position);
                    position++;
                    current = [.. current.SelectMany(head => inner.Select(tail => head + tail))];
                    break;
                case '\\' when position < text.Length:
                    var escaped = text[position++];
                    current = [.. current.Select(head => head + escaped)];
                    break;
                default:
                    current = [.. current.Select(head => head + c)];
                    break;
            }
        }

        results.AddRange(current);
        return results;
    }

    private static IEnumerable<string> FencedBlocks(string markdown, string language)
    {
        var lines = markdown.Split('\n');
        StringBuilder? block = null;
        foreach (var line in lines)
        {
            var trimmed = line.Trim();
            if (block is null && trimmed == "```" + language)
            {
                block = new StringBuilder();
            }
            else if (block is not null && trimmed == "```")
            {
                yield return block.ToString();
                block = null;
            }
            else
            {
                block?.AppendLine(line);
            }
        }
    }

    /// <summary>Backticked names in the first column of the table whose header starts with <c>| Family |</c>.</summary>
    private static IEnumerable<string> FamilyTableNames(string markdown)
    {
        var inTable = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.StartsWith("| Family |", StringComparison.Ordinal))
            {
                inTable = true;
                continue;
            }

            if (!inTable)
            {
                continue;
            }

            if (!line.StartsWith('|'))
            {
                inTable = false;
                continue;
            }

            var firstCell = line.Split('|')[1];
            foreach (var name in BacktickedName().Matches(firstCell).Select(m => m.Groups["name"].Value))
            {
                if (!name.StartsWith('_'))
                {
                    yield return name;
                }
            }
        }
    }

    private static IEnumerable<string> YamlExpressions(string yaml)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var match = YamlExpr().Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            var value = match.Groups["value"].Value.Trim();
            if (value is "|" or ">" or "|-" or ">-")
            {
                var indent = lines[i].Length - lines[i].TrimStart().Length;
                var block = new StringBuilder();
                while (i + 1 < lines.Length && (lines[i + 1].Trim().Length == 0 || lines[i + 1].Length - lines[i + 1].TrimStart().Length > indent))
                {
                    block.AppendLine(lines[++i]);
                }

                yield return block.ToString();
            }
            else
            {
                yield return value.Trim('\'', '"');
            }
        }
    }

    private static IEnumerable<string> StringsNamed(JsonElement element, string property)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    if (member.Name == property && member.Value.ValueKind == JsonValueKind.String)
                    {
                        yield return member.Value.GetString()!;
                    }

                    foreach (var nested in StringsNamed(member.Value, property))
                    {
                        yield return nested;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var nested in StringsNamed(item, property))
                    {
                        yield return nested;
                    }
                }

                break;
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MasteryEngine.Orleans.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("MasteryEngine.Orleans.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"/metrics \| grep (?:-E )?'(?<pattern>[^']+)'")]
    private static partial Regex MetricsGrepPattern();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex LabelMatchers();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Ranges();

    [GeneratedRegex(@"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"(?<![\w.$])[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"`(?<name>[a-z_][a-z0-9_]*\*?)(?:\{[^`]*\})?`")]
    private static partial Regex BacktickedName();

    [GeneratedRegex(@"^\s*(?:-\s*)?expr:\s*(?<value>.*)$")]
    private static partial Regex YamlExpr();

    [GeneratedRegex(@"series:\s*'(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)")]
    private static partial Regex YamlSeries();
}
