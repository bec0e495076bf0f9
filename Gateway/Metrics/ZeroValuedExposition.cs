using System.Globalization;
using System.Text;

namespace MasteryEngine.Gateway.Metrics;

/// <summary>
/// Completes an exposition of the Prometheus exporter with zero-valued histogram families. OpenTelemetry creates
/// a histogram's point on its first measurement and has no way to declare one at zero (a recorded 0 counts as an
/// observation), so without this a fresh process shows no <c>http_request_duration_seconds</c> and the alerts'
/// queries match nothing. Counters need none of this: they are seeded with <c>Add(0)</c>.
/// </summary>
public static class ZeroValuedExposition
{
    private const string TypePrefix = "# TYPE ";
    private const string OpenMetricsEnd = "# EOF";
    private static readonly IReadOnlyList<KeyValuePair<string, string>>[] NoLabels = [[]];

    /// <summary>
    /// Adds each family the exposition does not have yet, every label set at zero. A family the exporter already
    /// shows is left as it is: a Prometheus family must be one group, and its real series supersede the zeros.
    /// </summary>
    public static string Complete(string exposition, IEnumerable<ZeroHistogramFamily> families)
    {
        var present = PresentFamilies(exposition);
        var missing = new StringBuilder();
        foreach (var family in families)
        {
            if (present.Add(family.Name))
            {
                Append(missing, family);
            }
        }

        if (missing.Length == 0)
        {
            return exposition;
        }

        var end = exposition.LastIndexOf(OpenMetricsEnd, StringComparison.Ordinal);
        return end >= 0 && (end == 0 || exposition[end - 1] == '\n')
            ? string.Concat(exposition.AsSpan(0, end), missing.ToString(), exposition.AsSpan(end))
            : exposition.Length == 0 || exposition[^1] == '\n'
                ? exposition + missing
                : exposition + "\n" + missing;
    }

    private static HashSet<string> PresentFamilies(string exposition)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in exposition.Split('\n'))
        {
            if (line.StartsWith(TypePrefix, StringComparison.Ordinal))
            {
                var rest = line[TypePrefix.Length..];
                var space = rest.IndexOf(' ', StringComparison.Ordinal);
                names.Add(space < 0 ? rest : rest[..space]);
            }
        }

        return names;
    }

    private static void Append(StringBuilder text, ZeroHistogramFamily family)
    {
        text.Append(TypePrefix).Append(family.Name).Append(" histogram\n");
        text.Append("# HELP ").Append(family.Name).Append(' ').Append(EscapeHelp(family.Help)).Append('\n');
        IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> labelSets = family.LabelSets.Count == 0 ? NoLabels : family.LabelSets;
        foreach (var labels in labelSets)
        {
            foreach (var bound in family.Bounds)
            {
                Sample(text, family.Name + "_bucket", labels, bound.ToString("R", CultureInfo.InvariantCulture));
            }

            Sample(text, family.Name + "_bucket", labels, "+Inf");
            Sample(text, family.Name + "_sum", labels, null);
            Sample(text, family.Name + "_count", labels, null);
        }
    }

    private static void Sample(StringBuilder text, string name, IReadOnlyList<KeyValuePair<string, string>> labels, string? le)
    {
        text.Append(name);
        if (labels.Count > 0 || le is not null)
        {
            text.Append('{');
            var first = true;
            foreach (var (key, value) in labels)
            {
                text.Append(first ? "" : ",").Append(key).Append("=\"").Append(EscapeLabel(value)).Append('"');
                first = false;
            }

            if (le is not null)
            {
                text.Append(first ? "" : ",").Append("le=\"").Append(le).Append('"');
            }

            text.Append('}');
        }

        text.Append(" 0\n");
    }

    private static string EscapeLabel(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string EscapeHelp(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
