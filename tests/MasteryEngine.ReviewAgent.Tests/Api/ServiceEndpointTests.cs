using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MasteryEngine.ReviewAgent.Tests.Infrastructure;

namespace MasteryEngine.ReviewAgent.Tests.Api;

public class ServiceEndpointTests(ReviewAgentFactory factory) : IClassFixture<ReviewAgentFactory>
{
    [Fact]
    public async Task Health_info_and_readiness_answer_without_a_token()
    {
        using var client = factory.CreateClient();

        var health = await client.GetFromJsonAsync<JsonElement>("/health");
        var info = await client.GetFromJsonAsync<JsonElement>("/");
        using var ready = await client.GetAsync(new Uri("/ready", UriKind.Relative));

        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.Equal("review-agent", info.GetProperty("name").GetString());
        Assert.Equal("disabled", info.GetProperty("mastery_feed").GetString());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var report = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("healthy", report.GetProperty("dependencies").GetProperty("analysers").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Metrics_are_prometheus_text_with_the_assessment_counters()
    {
        using var client = factory.ClientFor(TestTokens.Student("student_metrics"));
        using var assessed = await client.PostAsJsonAsync("/review/assess", new
        {
            student_id = "student_metrics", student_code = "VALUE = 1\n", problem_context = new { language = "python", problem_id = "p1" },
        });

        var text = await Testing.Eventually.UntilAsync(
            () => client.GetStringAsync(new Uri("/metrics", UriKind.Relative)),
            body => body.Contains("review_assessments_total", StringComparison.Ordinal),
            "the assessment counter is exported");

        Assert.Equal(HttpStatusCode.OK, assessed.StatusCode);
        Assert.Contains("review_assessment_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("review_quality_score_bucket", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/nope", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
