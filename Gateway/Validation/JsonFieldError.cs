using System.Text.Json;

namespace MasteryEngine.Gateway.Validation;

/// <summary>
/// Where a JSON body failed to read (a value of the wrong type, or broken JSON), as the field name the API uses
/// in validation errors (<c>components.quiz</c>, <c>requests[3].student_id</c>). One rule for every route:
/// the bound bodies and the payload of <c>/process</c> name the field the same way.
/// </summary>
public static class JsonFieldError
{
    /// <summary>The field named by <paramref name="exception"/>'s JSON path under <paramref name="prefix"/>, or null when the document itself is wrong.</summary>
    public static string? FieldOf(JsonException exception, string? prefix = null)
    {
        var path = exception.Path is { Length: > 0 } p ? p.TrimStart('$').TrimStart('.') : "";
        if (path.Length == 0)
        {
            return prefix;
        }

        return prefix is null ? path : path[0] == '[' ? prefix + path : prefix + "." + path;
    }

    public static string MessageFor(string field) =>
        $"{field} has the wrong JSON type (numbers and booleans are not accepted as strings) or is not valid JSON. The expected shapes are at /docs.";

    public const string DocumentMessage = "The request body is not valid JSON or is not a JSON object. The expected shapes are at /docs.";
}
