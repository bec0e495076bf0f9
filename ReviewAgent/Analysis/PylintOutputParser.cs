using System.Text.Json;

namespace MasteryEngine.ReviewAgent.Analysis;

/// <summary>Reads <c>pylint --output-format=json</c>: an array of messages with <c>message-id</c>, <c>symbol</c>, <c>line</c>, <c>column</c> (0-based).</summary>
public static class PylintOutputParser
{
    public const string Tool = "pylint";

    /// <exception cref="JsonException">The output is not pylint's JSON (it crashed before writing it).</exception>
    public static IReadOnlyList<AnalyserFinding> Parse(string json)
    {
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "[]" : json);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("pylint's output is not a JSON array.");
        }

        var findings = new List<AnalyserFinding>();
        foreach (var message in document.RootElement.EnumerateArray())
        {
            var id = Text(message, "message-id");
            findings.Add(new AnalyserFinding(
                Tool,
                id,
                Text(message, "symbol") is { Length: > 0 } symbol ? symbol : id,
                Number(message, "line"),
                Number(message, "column") + 1,
                Text(message, "message")));
        }

        return findings;
    }

    private static string Text(JsonElement message, string name) =>
        message.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    private static int Number(JsonElement message, string name) =>
        message.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : 0;
}
