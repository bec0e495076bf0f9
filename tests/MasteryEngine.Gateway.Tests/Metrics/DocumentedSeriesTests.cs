using MasteryEngine.Gateway.Tests.Hosting;
using MasteryEngine.Gateway.Tests.Infrastructure;
using MasteryEngine.Testing;
using MasteryEngine.Testing.Kafka;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MasteryEngine.Gateway.Tests.Metrics;

/// <summary>Every series the runbooks, the alert rules and the dashboard name is on <c>/metrics</c> of a fresh process, zero-valued until used.</summary>
public sealed class DocumentedSeriesTests(KafkaMockClusterFixture kafka) : IClassFixture<KafkaMockClusterFixture>
{
    private static readonly Uri MetricsUri = new("/metrics", UriKind.Relative);

    /// <summary>
    /// Families only a gateway consuming Kafka has (the consumer's and the producer's breaker), and Kestrel's, which
    /// a test server does not run: the real-process test below finds them.
    /// </summary>
    private static readonly string[] NotInAnInMemoryTestServer = ["kafka_", "mastery_event_", "mastery_events_", "circuit_breaker_state", "kestrel_"];

    [Fact]
    public void The_documents_name_the_seeds_series_and_the_parser_reads_them()
    {
        var documented = DocumentedSeries.Read();

        Assert.Contains("http_requests_total", documented.Names.Keys);
        Assert.Contains("http_request_duration_seconds_bucket", documented.Names.Keys);
        Assert.Contains("mastery_calculation_duration_seconds_sum", documented.Names.Keys);
        Assert.Contains("mastery_engine_memory_usage_bytes", documented.Names.Keys);
        Assert.Contains("kafka_consumer_lag", documented.Names.Keys);
        Assert.DoesNotContain("rate", documented.Names.Keys);
        Assert.DoesNotContain("le", documented.Names.Keys);
        Assert.DoesNotContain("up", documented.Names.Keys);
        Assert.Equal(["a_sum", "a_count", "b"], DocumentedSeries.GrepAlternatives("^(a_(sum|count)|b)"));
        Assert.Equal(["x", "y_total"], DocumentedSeries.PromQlNames("sum by (le) (rate(x{job=\"a\"}[5m])) / y_total # z"));
    }

    [Fact]
    public async Task The_first_scrape_of_a_fresh_in_memory_gateway_lists_every_documented_series_of_its_mode_and_passes_promtool()
    {
        await using var factory = new WebApplicationFactory<Program>();
        using var client = factory.CreateClient();

        var exposition = await client.GetStringAsync(MetricsUri);
        var (exitCode, lint) = await PromTool.CheckMetricsAsync(exposition);
        var missing = Missing(DocumentedSeries.Read(), ExpositionSample.ParseAll(exposition), NotInAnInMemoryTestServer);

        Assert.True(exitCode == 0, lint);
        Assert.True(missing.Count == 0, "missing: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task A_fresh_gateway_process_on_redis_and_kafka_lists_every_documented_series_and_both_breakers_and_passes_promtool()
    {
        await using var redis = await RedisServerProcess.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["JWT_SECRET"] = TestTokens.Secret,
            ["STORAGE_PROVIDER"] = "redis",
            ["REDIS_HOST"] = redis.HostAndPort,
            ["STREAM_PROVIDER"] = "kafka",
        };
        foreach (var (key, value) in kafka.Configuration(kafka.CreateTopics()))
        {
            settings[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        }

        await using var gateway = await GatewayProcess.StartAsync(settings);
        using var client = new HttpClient { BaseAddress = gateway.BaseAddress };
        var documented = DocumentedSeries.Read();

        // The consumer reports lag once it has partitions and a first position: scrape until it has.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        string exposition;
        List<string> missing;
        do
        {
            exposition = await client.GetStringAsync(MetricsUri);
            missing = Missing(documented, ExpositionSample.ParseAll(exposition), []);
        }
        while (missing.Count > 0 && DateTime.UtcNow < deadline && await Pause());
        var (exitCode, lint) = await PromTool.CheckMetricsAsync(exposition);

        Assert.True(missing.Count == 0, "missing: " + string.Join(", ", missing));
        Assert.True(exitCode == 0, lint);
        var breakers = ExpositionSample.ParseAll(exposition).Where(s => s.Name == "circuit_breaker_state").ToList();
        Assert.Equal(["kafka", "redis"], breakers.Select(s => s.Labels["name"]).Order(StringComparer.Ordinal));
        Assert.All(breakers, breaker => Assert.Equal(0, breaker.Value));
    }

    private static List<string> Missing(DocumentedSeries documented, IReadOnlyList<ExpositionSample> samples, IReadOnlyList<string> excluded)
    {
        var names = samples.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var lines = samples.Select(Line).ToList();
        var missing = documented.Names
            .Where(entry => !names.Contains(entry.Key) && !names.Contains(entry.Key + "_bucket") && !names.Contains(entry.Key + "_total"))
            .Select(entry => $"{entry.Key} ({entry.Value})");
        var missingPrefixes = documented.Prefixes
            .Where(entry => !lines.Any(line => line.StartsWith(entry.Key, StringComparison.Ordinal)))
            .Select(entry => $"{entry.Key}* ({entry.Value})");
        return [.. missing.Concat(missingPrefixes).Where(m => !excluded.Any(prefix => m.StartsWith(prefix, StringComparison.Ordinal)))];
    }

    private static async Task<bool> Pause()
    {
        await Task.Delay(TimeSpan.FromMilliseconds(250));
        return true;
    }

    private static string Line(ExpositionSample sample) =>
        sample.Labels.Count == 0 ? sample.Name : $"{sample.Name}{{{string.Join(',', sample.Labels.Select(l => $"{l.Key}=\"{l.Value}\""))}}}";
}
