using System.Globalization;

namespace MasteryEngine.Bench;

/// <summary>The scenarios' <c>--name value</c> options.</summary>
public static class BenchArguments
{
    /// <summary>The positive whole number after <paramref name="name"/>; a bad value stops the run with a clear message.</summary>
    public static int Count(string[] args, string name, int fallback)
    {
        var text = Value(args, name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} takes a positive whole number (got '{text}').", nameof(args));
    }

    public static string Text(string[] args, string name, string fallback) => Value(args, name) ?? fallback;

    private static string? Value(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
