using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace MasteryEngine.Dashboard.Tests;

/// <summary>Reads the values the page must show straight from the API, and formats them as the page does.</summary>
public static class ApiReads
{
    public static async Task<JsonNode> GetAsync(HttpClient api, string path)
    {
        using var response = await api.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!;
    }

    public static async Task<JsonNode> PostAsync(HttpClient api, string path, object body)
    {
        using var response = await api.PostAsJsonAsync(path, body);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!;
    }

    /// <summary>The page's percentage: rounded down to a whole percent.</summary>
    public static string Percent(double value) =>
        Math.Floor((value * 100) + 1e-6).ToString(CultureInfo.InvariantCulture) + "%";

    public static string Capitalised(string value) => char.ToUpperInvariant(value[0]) + value[1..];
}
