using System.Globalization;
using System.Text;

namespace MasteryEngine.Silo.Observability;

/// <summary>Writes collected families in the Prometheus text exposition format, version 0.0.4.</summary>
public static class PrometheusTextFormat
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(IReadOnlyList<MetricFamilySnapshot> families)
    {
        var builder = new StringBuilder(4096);
        foreach (var family in families)
        {
            WriteFamily(builder, family);
        }

        return builder.ToString();
    }

    private static void WriteFamily(StringBuilder builder, MetricFamilySnapshot family)
    {
        builder.Append("# HELP ").Append(family.Name).Append(' ');
        AppendEscaped(builder, family.Help, escapeQuotes: false);
        builder.Append('\n');
        builder.Append("# TYPE ").Append(family.Name).Append(' ').Append(TypeName(family.Type)).Append('\n');
        foreach (var series in family.Series)
        {
            if (series.Histogram is { } histogram)
            {
                for (var i = 0; i < histogram.UpperBounds.Count; i++)
                {
                    AppendSample(builder, family.Name + "_bucket", series.Labels, ("le", FormatValue(histogram.UpperBounds[i])), histogram.CumulativeCounts[i]);
                }

                AppendSample(builder, family.Name + "_sum", series.Labels, null, histogram.Sum);
                AppendSample(builder, family.Name + "_count", series.Labels, null, histogram.Count);
            }
            else
            {
                AppendSample(builder, family.Name, series.Labels, null, series.Value);
            }
        }
    }

    private static void AppendSample(StringBuilder builder, string name, IReadOnlyList<MetricLabel> labels, (string Name, string Value)? extra, double value)
    {
        builder.Append(name);
        if (labels.Count > 0 || extra is not null)
        {
            builder.Append('{');
            var first = true;
            foreach (var label in labels)
            {
                AppendLabel(builder, label.Name, label.Value, ref first);
            }

            if (extra is { } le)
            {
                AppendLabel(builder, le.Name, le.Value, ref first);
            }

            builder.Append('}');
        }

        builder.Append(' ').Append(FormatValue(value)).Append('\n');
    }

    private static void AppendLabel(StringBuilder builder, string name, string value, ref bool first)
    {
        if (!first)
        {
            builder.Append(',');
        }

        first = false;
        builder.Append(name).Append("=\"");
        AppendEscaped(builder, value, escapeQuotes: true);
        builder.Append('"');
    }

    /// <summary>Label values escape backslash, double quote and line feed; HELP text escapes only backslash and line feed.</summary>
    private static void AppendEscaped(StringBuilder builder, string text, bool escapeQuotes)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\':
                    builder.Append(@"\\");
                    break;
                case '\n':
                    builder.Append(@"\n");
                    break;
                case '"' when escapeQuotes:
                    builder.Append("\\\"");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }
    }

    public static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string TypeName(MetricType type) => type switch
    {
        MetricType.Counter => "counter",
        MetricType.Histogram => "histogram",
        _ => "gauge",
    };
}
