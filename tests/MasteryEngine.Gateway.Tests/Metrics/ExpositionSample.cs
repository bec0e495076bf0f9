using System.Globalization;
using System.Text;

namespace MasteryEngine.Gateway.Tests.Metrics;

/// <summary>One sample line of a Prometheus text exposition, parsed the way a scraper reads it (escapes undone).</summary>
public sealed record ExpositionSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    public static IReadOnlyList<ExpositionSample> ParseAll(string exposition) =>
        [.. exposition.Split('\n').Where(line => line.Length > 0 && line[0] != '#').Select(Parse)];

    public static ExpositionSample Parse(string line)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var brace = line.IndexOf('{', StringComparison.Ordinal);
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        if (brace < 0 || brace > space)
        {
            return new ExpositionSample(line[..space], labels, ParseValue(line[(space + 1)..]));
        }

        var i = brace + 1;
        while (line[i] != '}')
        {
            var equals = line.IndexOf('=', i);
            var name = line[i..equals];
            i = equals + 2;
            var value = new StringBuilder();
            while (line[i] != '"')
            {
                if (line[i] == '\\')
                {
                    i++;
                    value.Append(line[i] == 'n' ? '\n' : line[i]);
                }
                else
                {
                    value.Append(line[i]);
                }

                i++;
            }

            labels[name] = value.ToString();
            i++;
            if (line[i] == ',')
            {
                i++;
            }
        }

        return new ExpositionSample(line[..brace], labels, ParseValue(line[(i + 2)..]));
    }

    private static double ParseValue(string text) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.Parse(text, CultureInfo.InvariantCulture),
    };
}
