using System.Net;
using System.Text.Json;

namespace MasteryEngine.Gateway.Tests.Infrastructure;

/// <summary>The few calls many tests need to arrange state, each asserting that it worked.</summary>
public static class MasteryApiClient
{
    public static async Task<JsonElement> CalculateAsync(
        this HttpClient client, string studentId, double completion, double quiz, double quality, double consistency)
    {
        var (status, body) = await client.PostAsync("/api/v1/mastery/calculate", $$"""
            {"student_id": "{{studentId}}", "components": {"completion": {{completion}}, "quiz": {{quiz}}, "quality": {{quality}}, "consistency": {{consistency}} } }
            """);
        Assert.Equal(HttpStatusCode.OK, status);
        return body.GetProperty("data");
    }

    public static async Task<JsonElement> QueryAsync(this HttpClient client, string studentId)
    {
        var (status, body) = await client.PostAsync("/api/v1/mastery/query", $$"""{"student_id": "{{studentId}}"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        return body.GetProperty("data");
    }

    /// <summary>The query's data once the service holds data for the student; while it answers 404 student-not-found, null.</summary>
    public static async Task<JsonElement?> QueryWhenKnownAsync(this HttpClient client, string studentId)
    {
        var (status, body) = await client.PostAsync("/api/v1/mastery/query", $$"""{"student_id": "{{studentId}}"}""");
        if (status == HttpStatusCode.NotFound)
        {
            return null;
        }

        Assert.Equal(HttpStatusCode.OK, status);
        return body.GetProperty("data");
    }

    public static async Task AddToCohortAsync(this HttpClient adminClient, string cohortId, string studentId)
    {
        var (status, _) = await adminClient.SendAsync(HttpMethod.Put, $"/api/v1/cohorts/{cohortId}/students/{studentId}");
        Assert.Equal(HttpStatusCode.OK, status);
    }
}
