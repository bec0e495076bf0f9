using System.Net;
using System.Text;
using MasteryEngine.Gateway.Tests.Infrastructure;
using MasteryEngine.Testing;

namespace MasteryEngine.Gateway.Tests.Metrics;

/// <summary>Orleans' millisecond latencies reach <c>/metrics</c> in seconds, with the seconds buckets.</summary>
public sealed class OrleansLatencySecondsTests
{
    private static readonly Uri MetricsUri = new("/metrics", UriKind.Relative);

    [Fact]
    public async Task A_grain_call_and_its_storage_write_show_up_in_seconds_and_the_scrape_passes_promtool()
    {
        await using var factory = new GatewayFactory();
        var student = TestTokens.NewId("student");
        using var client = factory.ClientFor(TestTokens.Student(student));
        var before = ExpositionSample.ParseAll(await client.GetStringAsync(MetricsUri));

        using var calculated = await client.PostAsync(
            new Uri("/api/v1/mastery/calculate", UriKind.Relative),
            new StringContent(
                $$$"""{"student_id": "{{{student}}}", "components": {"completion": 0.8, "quiz": 0.9, "quality": 0.85, "consistency": 0.8}}""",
                Encoding.UTF8,
                "application/json"));
        // The request is counted as its pipeline returns, which may be just after the client has the answer.
        var exposition = await Eventually.UntilAsync(
            () => client.GetStringAsync(MetricsUri),
            text => Count(ExpositionSample.ParseAll(text), "http_request_duration_seconds", CalculateRoute) >= 1,
            "the calculate request counted");
        var (exitCode, lint) = await PromTool.CheckMetricsAsync(exposition);
        var after = ExpositionSample.ParseAll(exposition);

        Assert.Equal(HttpStatusCode.OK, calculated.StatusCode);
        Assert.True(exitCode == 0, lint);
        Assert.DoesNotContain(after, s => s.Name.Contains("_milliseconds", StringComparison.Ordinal));
        var request = Sum(after, "http_request_duration_seconds", CalculateRoute);
        foreach (var family in (string[])["orleans_app_requests_latency_seconds", "orleans_storage_write_latency_seconds"])
        {
            Assert.Contains(before, s => s.Name == family + "_count");
            Assert.True(Count(after, family) > Count(before, family), family + " did not count the request's grain call");
            // Each call happened inside the request, so in seconds at least one of them took no longer than it did;
            // left in milliseconds the smallest would be about a thousand times longer.
            var added = Sum(after, family) - Sum(before, family);
            Assert.InRange(added / (Count(after, family) - Count(before, family)), double.Epsilon, request);
            Assert.Contains(after, s => s.Name == family + "_bucket" && s.Labels["le"] == "0.001");
        }
    }

    private const string CalculateRoute = "/api/v1/mastery/calculate";

    private static double Count(IReadOnlyList<ExpositionSample> samples, string family, string? route = null) =>
        samples.Where(s => s.Name == family + "_count" && (route is null || s.Labels.GetValueOrDefault("route") == route)).Sum(s => s.Value);

    private static double Sum(IReadOnlyList<ExpositionSample> samples, string family, string? route = null) =>
        samples.Where(s => s.Name == family + "_sum" && (route is null || s.Labels.GetValueOrDefault("route") == route)).Sum(s => s.Value);
}
