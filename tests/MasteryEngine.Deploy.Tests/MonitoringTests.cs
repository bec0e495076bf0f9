using System.Text;
using System.Text.Json;

namespace MasteryEngine.Deploy.Tests;

/// <summary>
/// deploy/monitoring: the alert rules pass <c>promtool check rules</c> and their unit tests (<c>promtool test
/// rules</c>), and every query of the Grafana dashboard is PromQL that Prometheus parses, covering the seeds' key metrics.
/// </summary>
public sealed class MonitoringTests
{
    private static string Directory => RepositoryFiles.PathOf("deploy", "monitoring");

    [Fact]
    public async Task Alert_rules_pass_promtool_check_rules()
    {
        var (exitCode, output) = await PromTool.RunAsync(Directory, "check", "rules", "prometheus-rules.yaml");

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task Alert_rules_pass_their_promtool_unit_tests()
    {
        var (exitCode, output) = await PromTool.RunAsync(Directory, "test", "rules", "prometheus-rules.test.yaml");

        Assert.True(exitCode == 0, output);
    }

    [Theory]
    [InlineData("MasteryEngineLatencyP95High", "> 0.1")]
    [InlineData("MasteryEngineEventProcessingLagHigh", "> 0.5")]
    [InlineData("MasteryEngineErrorRateHigh", "> 0.01")]
    [InlineData("MasteryEngineCircuitBreakerOpen", "circuit_breaker_state")]
    [InlineData("MasteryEngineSiloDown", "up{")]
    public void The_seeds_thresholds_each_have_an_alert(string alert, string expressionPart)
    {
        var rules = File.ReadAllText(Path.Combine(Directory, "prometheus-rules.yaml"));
        var start = rules.IndexOf("alert: " + alert + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, alert + " is missing");
        var next = rules.IndexOf("- alert:", start, StringComparison.Ordinal);
        var rule = next < 0 ? rules[start..] : rules[start..next];

        Assert.Contains(expressionPart, rule, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_dashboard_query_is_valid_promql_and_the_key_metrics_are_all_shown()
    {
        using var dashboard = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Directory, "grafana-dashboard.json")));
        var expressions = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(panel => panel.GetProperty("targets").EnumerateArray())
            .Select(target => target.GetProperty("expr").GetString()!)
            .ToList();

        // promtool parses PromQL only inside rule files: each query becomes a recording rule.
        var rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        for (var i = 0; i < expressions.Count; i++)
        {
            rules.Append($"      - record: dashboard:query_{i}\n        expr: {JsonSerializer.Serialize(expressions[i])}\n");
        }

        var directory = System.IO.Directory.CreateTempSubdirectory("dashboard-rules").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "rules.yaml"), rules.ToString());
            var (exitCode, output) = await PromTool.RunAsync(directory, "check", "rules", "rules.yaml");
            Assert.True(exitCode == 0, output);
        }
        finally
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }

        foreach (var metric in new[]
                 {
                     "http_request_duration_seconds_bucket", "http_requests_total", "kafka_consumer_lag",
                     "mastery_event_processing_latency_seconds_bucket", "mastery_events_dead_lettered_total",
                     "circuit_breaker_state", "orleans_catalog_activations", "up{",
                 })
        {
            Assert.Contains(expressions, expression => expression.Contains(metric, StringComparison.Ordinal));
        }
    }
}
