using System.Text.Json;

namespace MasteryEngine.Gateway.Tests.OpenApi;

/// <summary>One operation of the served document, with what a client needs to call it.</summary>
public sealed record OpenApiOperation(string Method, string Path, JsonElement Operation)
{
    public override string ToString() => $"{Method.ToUpperInvariant()} {Path}";

    /// <summary>The path with every <c>{parameter}</c> filled with a valid id.</summary>
    public string CallablePath(string id) => System.Text.RegularExpressions.Regex.Replace(Path, "\\{[^}]+\\}", id);

    public JsonElement? JsonBody =>
        Operation.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var media)
            ? media
            : null;

    public IEnumerable<(int Status, JsonElement Response)> Responses =>
        Operation.GetProperty("responses").EnumerateObject().Select(response => (int.Parse(response.Name, System.Globalization.CultureInfo.InvariantCulture), response.Value));

    public HttpRequestMessage Request(string id, string? json)
    {
        var request = new HttpRequestMessage(new HttpMethod(Method.ToUpperInvariant()), CallablePath(id));
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        return request;
    }
}
