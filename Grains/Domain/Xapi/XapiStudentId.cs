using System.Text.Json;

namespace MasteryEngine.Grains.Domain.Xapi;

/// <summary>
/// The rule from an xAPI actor to a student id. An Agent must have exactly one inverse functional identifier
/// (xAPI 1.0.3 Part Two §2.4.2.1); we map two of them:
/// <list type="bullet">
/// <item><c>account</c>: the student id is <c>account.name</c> as it is (the tutor's own user id; <c>homePage</c>
/// names the system and must be an IRI);</item>
/// <item><c>mbox</c> <c>mailto:local@domain</c>: the student id is <c>local:domain</c>, lower-cased (':' cannot occur in
/// an address, so distinct addresses never share an id).</item>
/// </list>
/// Either way the id must match the service's id pattern. <c>mbox_sha1sum</c> and <c>openid</c> name nobody we can
/// look up, and a Group is not one student: both are refused.
/// </summary>
public static class XapiStudentId
{
    public const string Rule = "xAPI 1.0.3 Part Two §2.4.2: actor";

    /// <returns>The student id, or the reason the actor cannot be mapped.</returns>
    public static (string? StudentId, string? Problem) Of(JsonElement actor)
    {
        if (actor.ValueKind != JsonValueKind.Object)
        {
            return (null, "actor is required and must be an object.");
        }

        if (actor.TryGetProperty("objectType", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() != "Agent")
        {
            return (null, $"actor.objectType '{type.GetString()}' is not mapped: the actor must be one Agent (one student).");
        }

        string[] identifiers = ["mbox", "mbox_sha1sum", "openid", "account"];
        var present = identifiers.Where(name => actor.TryGetProperty(name, out _)).ToArray();
        if (present.Length != 1)
        {
            return (null, $"an Agent must have exactly one of mbox, mbox_sha1sum, openid, account (found {present.Length}).");
        }

        return present[0] switch
        {
            "account" => FromAccount(actor.GetProperty("account")),
            "mbox" => FromMbox(actor.GetProperty("mbox")),
            _ => (null, $"actor.{present[0]} is not mapped to a student: use account (name) or mbox."),
        };
    }

    private static (string? StudentId, string? Problem) FromAccount(JsonElement account)
    {
        if (AccountProblem(account) is { } problem)
        {
            return (null, problem);
        }

        return Checked(account.GetProperty("name").GetString()!);
    }

    private static string? AccountProblem(JsonElement account)
    {
        if (account.ValueKind != JsonValueKind.Object
            || !account.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
            || !account.TryGetProperty("homePage", out var homePage) || homePage.ValueKind != JsonValueKind.String)
        {
            return "actor.account needs a string name and a string homePage.";
        }

        return Uri.TryCreate(homePage.GetString(), UriKind.Absolute, out _) ? null : "actor.account.homePage must be an IRI.";
    }

    private static (string? StudentId, string? Problem) FromMbox(JsonElement mbox)
    {
        var text = mbox.ValueKind == JsonValueKind.String ? mbox.GetString() : null;
        if (text is null || !text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "actor.mbox must be a mailto: IRI.");
        }

        var address = text["mailto:".Length..];
        var at = address.LastIndexOf('@');
        return at <= 0 || at == address.Length - 1
            ? (null, "actor.mbox must be mailto:local@domain.")
            : Checked($"{address[..at]}:{address[(at + 1)..]}".ToLowerInvariant());
    }

    private static (string? StudentId, string? Problem) Checked(string studentId) =>
        Identifiers.IsValid(studentId)
            ? (studentId, null)
            : (null, $"the actor maps to the student id '{studentId}', which does not match {Identifiers.Pattern}.");
}
