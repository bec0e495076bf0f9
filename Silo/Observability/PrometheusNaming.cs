using System.Diagnostics.Metrics;
using System.Text;

namespace MasteryEngine.Silo.Observability;

/// <summary>
/// Turns instrument and tag names into valid Prometheus names.
/// Our own instruments (meters <c>MasteryEngine.*</c>) are already named as their final family, so they are only
/// sanitized (and a counter gets <c>_total</c> if its author forgot it). Dotted OpenTelemetry names such as the
/// runtime's <c>dotnet.gc.collections</c> follow the OpenTelemetry-to-Prometheus compatibility rules: dots
/// become underscores, the unit becomes a suffix (<c>s</c> → <c>_seconds</c>, <c>By</c> → <c>_bytes</c>,
/// annotations such as <c>{collection}</c> add nothing) and counters end in <c>_total</c>, giving
/// <c>dotnet_gc_collections_total</c> and <c>dotnet_process_memory_working_set_bytes</c>. A few runtime gauges
/// would end in <c>_count</c>, which Prometheus reserves for histograms and summaries; they get the names in
/// <see cref="RuntimeGaugeNames"/>, and any other foreign gauge ending in <c>_count</c> gets <c>_value</c> appended.
/// </summary>
public static class PrometheusNaming
{
    public const string OwnMeterPrefix = "MasteryEngine.";

    /// <summary>
    /// Runtime instruments exposed as gauges under these names. The thread-pool thread count and queue length are
    /// declared as observable counters by the runtime although they go down, so they are gauges here.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> RuntimeGaugeNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["dotnet.thread_pool.thread.count"] = "dotnet_thread_pool_threads",
        ["dotnet.thread_pool.queue.length"] = "dotnet_thread_pool_queue_length",
        ["dotnet.timer.count"] = "dotnet_timers",
        ["dotnet.assembly.count"] = "dotnet_assemblies_loaded",
        ["dotnet.process.cpu.count"] = "dotnet_process_cpus",
    };

    public static bool IsOwnMeter(Meter meter) => meter.Name.StartsWith(OwnMeterPrefix, StringComparison.Ordinal);

    public static string FamilyName(Instrument instrument, MetricType type)
    {
        if (!IsOwnMeter(instrument.Meter) && RuntimeGaugeNames.TryGetValue(instrument.Name, out var runtimeName))
        {
            return runtimeName;
        }

        var name = SanitizeMetricName(instrument.Name);
        if (!IsOwnMeter(instrument.Meter))
        {
            var unitSuffix = UnitSuffix(instrument.Unit);
            if (unitSuffix.Length > 0 && !name.EndsWith("_" + unitSuffix, StringComparison.Ordinal))
            {
                name = name + "_" + unitSuffix;
            }

            if (type == MetricType.Gauge && name.EndsWith("_count", StringComparison.Ordinal))
            {
                name += "_value";
            }
        }

        return type == MetricType.Counter && !name.EndsWith("_total", StringComparison.Ordinal) ? name + "_total" : name;
    }

    /// <summary>Maps every character outside <c>[a-zA-Z0-9_:]</c> to <c>_</c>; a leading digit gets a <c>_</c> prefix.</summary>
    public static string SanitizeMetricName(string name) => Sanitize(name, allowColon: true);

    /// <summary>Label names are metric names without the colon: <c>[a-zA-Z_][a-zA-Z0-9_]*</c>.</summary>
    public static string SanitizeLabelName(string name) => Sanitize(name, allowColon: false);

    private static string Sanitize(string name, bool allowColon)
    {
        if (name.Length == 0)
        {
            return "_";
        }

        var valid = !char.IsAsciiDigit(name[0]);
        foreach (var c in name)
        {
            valid &= IsNameChar(c, allowColon);
        }

        if (valid)
        {
            return name;
        }

        var builder = new StringBuilder(name.Length + 1);
        if (char.IsAsciiDigit(name[0]))
        {
            builder.Append('_');
        }

        foreach (var c in name)
        {
            builder.Append(IsNameChar(c, allowColon) ? c : '_');
        }

        return builder.ToString();
    }

    private static bool IsNameChar(char c, bool allowColon) =>
        char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':');

    private static string UnitSuffix(string? unit) => unit switch
    {
        null or "" or "1" => "",
        _ when unit.StartsWith('{') => "",
        "s" => "seconds",
        "ms" => "milliseconds",
        "us" => "microseconds",
        "ns" => "nanoseconds",
        "By" => "bytes",
        "KiBy" => "kibibytes",
        "MiBy" => "mebibytes",
        "%" => "percent",
        _ => SanitizeLabelName(unit.Replace("/", "_per_", StringComparison.Ordinal)),
    };
}
