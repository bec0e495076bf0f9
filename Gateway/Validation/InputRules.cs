using System.Text.RegularExpressions;
using MasteryEngine.Grains;

namespace MasteryEngine.Gateway.Validation;

/// <summary>What the API accepts as ids, scores and ranges.</summary>
public static partial class InputRules
{
    public const string IdDescription = "1 to 128 characters, each a letter, digit, '_', '.', ':' or '-'";

    public const int MinTimeframeDays = 1;
    public const int MaxTimeframeDays = 30;
    public const int DefaultTimeframeDays = 7;
    public const int MinLimit = 1;
    public const int MaxLimit = 50;
    public const int DefaultLimit = 5;
    public const int DefaultHistoryDays = 30;

    public static bool IsValidId(string? value) => value is not null && IdPattern().IsMatch(value);

    public static bool IsScore(double value) => double.IsFinite(value) && value is >= 0 and <= 1;

    public static RecommendationPriority? ParsePriority(string value) => value switch
    {
        "high" => RecommendationPriority.High,
        "medium" => RecommendationPriority.Medium,
        "low" => RecommendationPriority.Low,
        _ => null,
    };

    // \z rather than $: $ also matches before a trailing newline.
    [GeneratedRegex(@"^[A-Za-z0-9_.:\-]{1,128}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
