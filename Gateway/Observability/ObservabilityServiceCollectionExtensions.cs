using MasteryEngine.Gateway.Metrics;
using MasteryEngine.Grains.Observability;
using MasteryEngine.Silo.Observability;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Gateway.Observability;

public static class ObservabilityServiceCollectionExtensions
{
    /// <summary>
    /// Metrics (OpenTelemetry with the Prometheus exporter, HTTP, mastery and process instruments), correlation ids, JSON request logs in
    /// Production, <c>LOG_LEVEL</c>, and OTLP export of traces and metrics. The middleware is added by a startup filter in front of the
    /// application's own pipeline; map the endpoints with <c>app.MapMetricsEndpoints()</c>.
    /// </summary>
    public static IServiceCollection AddMasteryObservability(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMasteryTelemetry(configuration);
        services.TryAddSingleton<ProcessMetrics>();
        services.TryAddSingleton<HttpMetrics>();
        services.TryAddSingleton<MasteryMetrics>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, ObservabilityStartupFilter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, HttpSeriesSeeding>());

        services.AddOptions<ObservabilityOptions>()
            .Configure<IConfiguration>((options, config) =>
            {
                options.LogLevel = config["LOG_LEVEL"];
                options.Environment = config["ENVIRONMENT"];
                options.OtlpEndpoint = config[ObservabilityOptions.OtlpEndpointKey];
                options.OtlpProtocol = config[ObservabilityOptions.OtlpProtocolKey] is { Length: > 0 } protocol ? protocol.Trim() : options.OtlpProtocol;
                options.ServiceName = config[ObservabilityOptions.ServiceNameKey] is { Length: > 0 } name ? name : options.ServiceName;
            })
            .Validate(o => o.LogLevel is null || LogLevelNames.TryParse(o.LogLevel, out _),
                "LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL (or a .NET level name such as Information).")
            .Validate(o => o.HasValidOtlpSettings(),
                "OTEL_EXPORTER_OTLP_ENDPOINT must be an absolute URI (e.g. http://otel-collector:4317) and OTEL_EXPORTER_OTLP_PROTOCOL grpc or http/protobuf.")
            .ValidateOnStart();

        services.AddLogging(logging => logging.AddConsoleFormatter<JsonLogFormatter, ConsoleFormatterOptions>());
        services.AddOptions<ConsoleLoggerOptions>()
            .Configure<IOptions<ObservabilityOptions>, IHostEnvironment>((console, options, environment) =>
            {
                if (options.Value.UsesJsonLogs(environment.EnvironmentName))
                {
                    console.FormatterName = JsonLogFormatter.FormatterName;
                }
            });
        services.AddOptions<LoggerFilterOptions>()
            .PostConfigure<IOptions<ObservabilityOptions>>((filters, options) =>
            {
                if (LogLevelNames.TryParse(options.Value.LogLevel, out var level))
                {
                    ApplyMinimumLevel(filters, level);
                }
            });
        return services;
    }

    /// <summary>
    /// <c>LOG_LEVEL</c> becomes the default level and a floor for every configured category, so
    /// <c>LOG_LEVEL=ERROR</c> silences a category appsettings set to Information while quieter settings stay.
    /// </summary>
    private static void ApplyMinimumLevel(LoggerFilterOptions filters, LogLevel level)
    {
        filters.MinLevel = level;
        for (var i = 0; i < filters.Rules.Count; i++)
        {
            var rule = filters.Rules[i];
            if (rule.CategoryName is null || rule.LogLevel is null || rule.LogLevel < level)
            {
                filters.Rules[i] = new LoggerFilterRule(rule.ProviderName, rule.CategoryName, level, rule.Filter);
            }
        }

        filters.Rules.Add(new LoggerFilterRule(null, null, level, null));
    }
}
