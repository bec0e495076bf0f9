using System.Diagnostics.Metrics;
using MasteryEngine.Silo.Observability;

namespace MasteryEngine.Gateway.Tests.Metrics;

public sealed class PrometheusNamingTests
{
    [Theory]
    [InlineData("MasteryEngine.Http", "http_requests_total", null, MetricType.Counter, "http_requests_total")]
    [InlineData("MasteryEngine.Kafka", "events_processed", null, MetricType.Counter, "events_processed_total")]
    [InlineData("MasteryEngine.Storage", "storage_operation_duration_seconds", "s", MetricType.Histogram, "storage_operation_duration_seconds")]
    [InlineData("MasteryEngine.Runtime", "grain_activations", "ms", MetricType.Gauge, "grain_activations")]
    [InlineData("System.Runtime", "dotnet.gc.collections", "{collection}", MetricType.Counter, "dotnet_gc_collections_total")]
    [InlineData("System.Runtime", "dotnet.process.memory.working_set", "By", MetricType.Gauge, "dotnet_process_memory_working_set_bytes")]
    [InlineData("System.Runtime", "dotnet.gc.pause.time", "s", MetricType.Counter, "dotnet_gc_pause_time_seconds_total")]
    [InlineData("System.Runtime", "dotnet.thread_pool.thread.count", "{thread}", MetricType.Counter, "dotnet_thread_pool_threads")]
    [InlineData("System.Runtime", "dotnet.jit.compiled_methods", "{method}", MetricType.Counter, "dotnet_jit_compiled_methods_total")]
    [InlineData("Other.Library", "widget.count", "{widget}", MetricType.Gauge, "widget_count_value")]
    public void Family_names_follow_the_documented_rules(string meterName, string instrumentName, string? unit, MetricType type, string expected)
    {
        using var meter = new Meter(meterName);
        var instrument = meter.CreateCounter<long>(instrumentName, unit);

        Assert.Equal(expected, PrometheusNaming.FamilyName(instrument, type));
    }

    [Theory]
    [InlineData("ok_name:sub", "ok_name:sub", "ok_name_sub")]
    [InlineData("gc.heap.generation", "gc_heap_generation", "gc_heap_generation")]
    [InlineData("1st", "_1st", "_1st")]
    [InlineData("a b-c", "a_b_c", "a_b_c")]
    public void Names_are_sanitized_to_the_prometheus_charset(string raw, string metricName, string labelName)
    {
        Assert.Equal(metricName, PrometheusNaming.SanitizeMetricName(raw));
        Assert.Equal(labelName, PrometheusNaming.SanitizeLabelName(raw));
    }
}
