using MasteryEngine.Gateway.Tests.Metrics;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Gateway.Tests.Observability;

public sealed class TelemetryStartupValidationTests
{
    [Theory]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "not a uri", "OTEL_EXPORTER_OTLP_ENDPOINT must be an absolute URI")]
    [InlineData("OTEL_EXPORTER_OTLP_PROTOCOL", "udp", "OTEL_EXPORTER_OTLP_PROTOCOL grpc or http/protobuf")]
    public async Task A_bad_otlp_setting_stops_start_up_naming_the_variable(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?> { [key] = value };
        if (key != "OTEL_EXPORTER_OTLP_ENDPOINT")
        {
            settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4317";
        }

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => ObservedTestApp.StartAsync(_ => { }, settings));

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Histogram_buckets_that_do_not_increase_stop_start_up()
    {
        var settings = new Dictionary<string, string?> { ["Metrics:HistogramBuckets:0"] = "1", ["Metrics:HistogramBuckets:1"] = "0.5" };

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => ObservedTestApp.StartAsync(_ => { }, settings));

        Assert.Contains("Metrics:HistogramBuckets must be finite and strictly increasing", failure.Message, StringComparison.Ordinal);
    }
}
