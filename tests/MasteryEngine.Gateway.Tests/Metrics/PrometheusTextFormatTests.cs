using System.Diagnostics.Metrics;
using MasteryEngine.Silo.Observability;

namespace MasteryEngine.Gateway.Tests.Metrics;

public sealed class PrometheusTextFormatTests
{
    [Fact]
    public void Counter_is_exposed_with_help_type_and_total_suffix()
    {
        using var fixture = new CollectorFixture();
        var counter = fixture.Meter.CreateCounter<long>("jobs_done", description: "Jobs done.");

        counter.Add(2, new KeyValuePair<string, object?>("queue", "a"));
        counter.Add(3, new KeyValuePair<string, object?>("queue", "a"));

        var text = fixture.Scrape();
        Assert.Contains("# HELP jobs_done_total Jobs done.\n# TYPE jobs_done_total counter\njobs_done_total{queue=\"a\"} 5\n", text);
    }

    [Fact]
    public void Label_values_escape_backslash_quote_and_newline()
    {
        using var fixture = new CollectorFixture();
        var counter = fixture.Meter.CreateCounter<long>("escapes_total");

        counter.Add(1, new KeyValuePair<string, object?>("path", "C:\\dir \"quoted\"\nnext"));

        Assert.Contains("escapes_total{path=\"C:\\\\dir \\\"quoted\\\"\\nnext\"} 1\n", fixture.Scrape());
        Assert.Equal("C:\\dir \"quoted\"\nnext", fixture.Samples().Single(s => s.Name == "escapes_total").Labels["path"]);
    }

    [Fact]
    public void Help_text_escapes_backslash_and_newline_but_not_quotes()
    {
        using var fixture = new CollectorFixture();
        var gauge = fixture.Meter.CreateUpDownCounter<int>("help_gauge", description: "Line one\nback\\slash \"as is\"");

        gauge.Add(1);

        Assert.Contains("# HELP help_gauge Line one\\nback\\\\slash \"as is\"\n", fixture.Scrape());
    }

    [Fact]
    public void Invalid_metric_and_label_name_characters_become_underscores()
    {
        using var fixture = new CollectorFixture();
        var counter = fixture.Meter.CreateCounter<long>("weird-name.total");

        counter.Add(1, new KeyValuePair<string, object?>("9bad.label-name", "v"));

        var sample = fixture.Samples().Single(s => s.Name.StartsWith("weird", StringComparison.Ordinal));
        Assert.Equal("weird_name_total", sample.Name);
        Assert.Equal("v", sample.Labels["_9bad_label_name"]);
    }

    [Fact]
    public void Histogram_buckets_are_cumulative_and_end_with_inf_equal_to_count()
    {
        using var fixture = new CollectorFixture(
            new KeyValuePair<string, string?>("Metrics:HistogramBuckets:0", "0.1"),
            new KeyValuePair<string, string?>("Metrics:HistogramBuckets:1", "1"),
            new KeyValuePair<string, string?>("Metrics:HistogramBuckets:2", "10"));
        var histogram = fixture.Meter.CreateHistogram<double>("work_duration_seconds");
        var route = new KeyValuePair<string, object?>("route", "/x");

        foreach (var value in new[] { 0.05, 0.1, 0.5, 2, 20 })
        {
            histogram.Record(value, route);
        }

        var text = fixture.Scrape();
        Assert.Contains(
            "# TYPE work_duration_seconds histogram\n" +
            "work_duration_seconds_bucket{route=\"/x\",le=\"0.1\"} 2\n" +
            "work_duration_seconds_bucket{route=\"/x\",le=\"1\"} 3\n" +
            "work_duration_seconds_bucket{route=\"/x\",le=\"10\"} 4\n" +
            "work_duration_seconds_bucket{route=\"/x\",le=\"+Inf\"} 5\n" +
            "work_duration_seconds_sum{route=\"/x\"} 22.65\n" +
            "work_duration_seconds_count{route=\"/x\"} 5\n",
            text);
    }

    [Fact]
    public void Histogram_uses_the_default_latency_buckets_unless_the_instrument_advises_its_own()
    {
        using var fixture = new CollectorFixture();
        fixture.Meter.CreateHistogram<double>("plain_seconds").Record(0.2);
        fixture.Meter.CreateHistogram("advised_seconds", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.002] }).Record(0.0015);

        var samples = fixture.Samples();
        var plainBounds = samples.Where(s => s.Name == "plain_seconds_bucket").Select(s => s.Labels["le"]);
        var advisedBounds = samples.Where(s => s.Name == "advised_seconds_bucket").Select(s => s.Labels["le"]);
        Assert.Equal(["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"], plainBounds);
        Assert.Equal(["0.001", "0.002", "+Inf"], advisedBounds);
    }

    [Fact]
    public void Up_down_counter_and_gauges_are_exposed_as_gauges()
    {
        using var fixture = new CollectorFixture();
        var active = fixture.Meter.CreateUpDownCounter<long>("things_active");
        var gauge = fixture.Meter.CreateGauge<double>("temperature_celsius");
        fixture.Meter.CreateObservableGauge("queue_depth", () => 7);

        active.Add(3);
        active.Add(-1);
        gauge.Record(21.5);
        gauge.Record(19);

        var samples = fixture.Samples();
        var text = fixture.Scrape();
        Assert.Equal(2, samples.Single(s => s.Name == "things_active").Value);
        Assert.Equal(19, samples.Single(s => s.Name == "temperature_celsius").Value);
        Assert.Equal(7, samples.Single(s => s.Name == "queue_depth").Value);
        Assert.Contains("# TYPE things_active gauge\n", text);
        Assert.Contains("# TYPE queue_depth gauge\n", text);
    }

    [Fact]
    public void Observable_series_no_longer_reported_disappear_from_the_next_scrape()
    {
        using var fixture = new CollectorFixture();
        var partitions = new List<int> { 0, 1 };
        fixture.Meter.CreateObservableGauge("consumer_lag", () =>
            partitions.Select(p => new Measurement<long>(10 * p, new KeyValuePair<string, object?>("partition", p))));

        var before = fixture.Samples().Where(s => s.Name == "consumer_lag").Select(s => s.Labels["partition"]).ToList();
        partitions.Remove(1);
        var after = fixture.Samples().Where(s => s.Name == "consumer_lag").Select(s => s.Labels["partition"]).ToList();

        Assert.Equal(["0", "1"], before);
        Assert.Equal(["0"], after);
    }

    [Fact]
    public void Tags_in_a_different_order_update_the_same_series()
    {
        using var fixture = new CollectorFixture();
        var counter = fixture.Meter.CreateCounter<int>("ordered_total");

        counter.Add(1, new("a", "1"), new("b", "2"));
        counter.Add(1, new("b", "2"), new("a", "1"));

        Assert.Equal(2, fixture.Samples().Single(s => s.Name == "ordered_total").Value);
    }

    [Fact]
    public void Label_sets_beyond_the_cap_fall_into_one_overflow_series()
    {
        using var fixture = new CollectorFixture(new KeyValuePair<string, string?>("Metrics:MaxSeriesPerFamily", "3"));
        var counter = fixture.Meter.CreateCounter<long>("capped_total");

        for (var i = 0; i < 10; i++)
        {
            counter.Add(1, new KeyValuePair<string, object?>("id", i));
        }

        var samples = fixture.Samples().Where(s => s.Name == "capped_total").ToList();
        Assert.Equal(4, samples.Count);
        Assert.Equal(7, samples.Single(s => s.Labels.ContainsKey("otel_metric_overflow")).Value);
    }

    [Fact]
    public void Meters_of_another_meter_factory_are_not_exposed()
    {
        using var mine = new CollectorFixture();
        using var other = new CollectorFixture();
        mine.Meter.CreateCounter<long>("mine_total").Add(1);
        other.Meter.CreateCounter<long>("theirs_total").Add(1);

        var names = mine.Samples().Select(s => s.Name).ToList();

        Assert.Contains("mine_total", names);
        Assert.DoesNotContain("theirs_total", names);
    }

    [Fact]
    public void Meters_outside_the_project_prefix_are_not_exposed()
    {
        using var fixture = new CollectorFixture();
        using var foreign = fixture.MeterFactory.Create("Some.Library");

        foreign.CreateCounter<long>("library_calls_total").Add(1);

        Assert.DoesNotContain("library_calls_total", fixture.Scrape());
    }

    [Fact]
    public void Runtime_meter_exposes_memory_gc_and_thread_pool_figures_with_unit_suffixes()
    {
        using var fixture = new CollectorFixture();
        GC.Collect();

        var names = fixture.Samples().Select(s => s.Name).ToHashSet();

        Assert.Contains("dotnet_process_memory_working_set_bytes", names);
        Assert.Contains("dotnet_gc_collections_total", names);
        Assert.Contains("dotnet_thread_pool_threads", names);
        Assert.Contains("dotnet_thread_pool_queue_length", names);
        Assert.Contains("dotnet_process_cpu_time_seconds_total", names);
    }

    [Fact]
    public async Task Exposition_of_every_kind_passes_promtool()
    {
        using var fixture = new CollectorFixture();
        fixture.Meter.CreateCounter<long>("lint_requests_total", description: "Requests.").Add(1, new KeyValuePair<string, object?>("status", "200"));
        fixture.Meter.CreateHistogram<double>("lint_duration_seconds", description: "Duration.").Record(0.3);
        fixture.Meter.CreateUpDownCounter<long>("lint_active", description: "Active.").Add(1);

        var (exitCode, output) = await PromTool.CheckMetricsAsync(fixture.Scrape());

        Assert.True(exitCode == 0, output);
    }
}
