using MasteryEngine.Gateway.Metrics;

namespace MasteryEngine.Gateway.Tests.Metrics;

public sealed class ZeroValuedExpositionTests
{
    private static readonly ZeroHistogramFamily Latency = new(
        "op_duration_seconds",
        "Operation time.",
        [0.01, 0.1],
        [[new("route", "/a/{id}")], [new("route", "say \"hi\"\n")]]);

    private static readonly ZeroHistogramFamily Unlabelled = new("idle_seconds", "Idle.", [1], []);

    public static TheoryData<string, string[], string> Cases => new()
    {
        {
            "# TYPE up_total counter\nup_total 1\n",
            [],
            "# TYPE up_total counter\nup_total 1\n"
        },
        {
            "# TYPE up_total counter\nup_total 1\n",
            ["op_duration_seconds"],
            "# TYPE up_total counter\nup_total 1\n"
            + "# TYPE op_duration_seconds histogram\n# HELP op_duration_seconds Operation time.\n"
            + "op_duration_seconds_bucket{route=\"/a/{id}\",le=\"0.01\"} 0\nop_duration_seconds_bucket{route=\"/a/{id}\",le=\"0.1\"} 0\n"
            + "op_duration_seconds_bucket{route=\"/a/{id}\",le=\"+Inf\"} 0\nop_duration_seconds_sum{route=\"/a/{id}\"} 0\nop_duration_seconds_count{route=\"/a/{id}\"} 0\n"
            + "op_duration_seconds_bucket{route=\"say \\\"hi\\\"\\n\",le=\"0.01\"} 0\nop_duration_seconds_bucket{route=\"say \\\"hi\\\"\\n\",le=\"0.1\"} 0\n"
            + "op_duration_seconds_bucket{route=\"say \\\"hi\\\"\\n\",le=\"+Inf\"} 0\nop_duration_seconds_sum{route=\"say \\\"hi\\\"\\n\"} 0\nop_duration_seconds_count{route=\"say \\\"hi\\\"\\n\"} 0\n"
        },
        {
            // The exporter already has the family: its real series stay alone.
            "# TYPE op_duration_seconds histogram\nop_duration_seconds_count{route=\"/b\"} 3\n",
            ["op_duration_seconds"],
            "# TYPE op_duration_seconds histogram\nop_duration_seconds_count{route=\"/b\"} 3\n"
        },
        {
            // OpenMetrics: the families go before the end marker.
            "# TYPE up counter\nup_total 1\n# EOF\n",
            ["idle_seconds"],
            "# TYPE up counter\nup_total 1\n# TYPE idle_seconds histogram\n# HELP idle_seconds Idle.\n"
            + "idle_seconds_bucket{le=\"1\"} 0\nidle_seconds_bucket{le=\"+Inf\"} 0\nidle_seconds_sum 0\nidle_seconds_count 0\n# EOF\n"
        },
        {
            "up_total 1",
            ["idle_seconds"],
            "up_total 1\n# TYPE idle_seconds histogram\n# HELP idle_seconds Idle.\n"
            + "idle_seconds_bucket{le=\"1\"} 0\nidle_seconds_bucket{le=\"+Inf\"} 0\nidle_seconds_sum 0\nidle_seconds_count 0\n"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Families_without_series_are_added_at_zero_and_present_ones_are_left_alone(string exposition, string[] declared, string expected)
    {
        var families = new[] { Latency, Unlabelled }.Where(f => declared.Contains(f.Name));

        Assert.Equal(expected, ZeroValuedExposition.Complete(exposition, families));
    }

    [Fact]
    public async Task A_completed_exposition_passes_promtool()
    {
        var completed = ZeroValuedExposition.Complete("# HELP up_total Up.\n# TYPE up_total counter\nup_total 1\n", [Latency, Unlabelled]);

        var (exitCode, lint) = await PromTool.CheckMetricsAsync(completed);

        Assert.True(exitCode == 0, lint);
    }

    [Theory]
    [InlineData("http_request_duration", "http_request_duration_seconds")]
    [InlineData("http.server.request.duration", "http_server_request_duration_seconds")]
    [InlineData("orleans-app-requests-latency", "orleans_app_requests_latency_seconds")]
    [InlineData("mastery_calculation_duration_seconds", "mastery_calculation_duration_seconds")]
    public void Exposed_names_follow_the_exporters_rules_for_seconds(string instrument, string exposed) =>
        Assert.Equal(exposed, ZeroHistogramCatalog.ExposedName(instrument));
}
