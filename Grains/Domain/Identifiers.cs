using System.Text.RegularExpressions;

namespace MasteryEngine.Grains.Domain;

/// <summary>The shape of the ids we accept (student, cohort, topic): safe in keys, logs and URLs.</summary>
public static partial class Identifiers
{
    public const string Pattern = "^[A-Za-z0-9_.:-]{1,128}$";

    public const int MaxEventIdLength = 128;

    public static bool IsValid(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>Event ids come from other systems (UUIDs, offsets): any printable text up to 128 characters.</summary>
    public static bool IsValidEventId(string id) =>
        id.Length <= MaxEventIdLength && !id.Any(char.IsControl) && !string.IsNullOrWhiteSpace(id);

    // \z rather than $: $ would also accept a trailing newline.
    [GeneratedRegex(@"^[A-Za-z0-9_.:-]{1,128}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
