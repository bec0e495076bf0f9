namespace MasteryEngine.Gateway.Observability;

/// <summary>Logging and telemetry settings, bound from the seeds' environment variable names.</summary>
public sealed class ObservabilityOptions
{
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string OtlpProtocolKey = "OTEL_EXPORTER_OTLP_PROTOCOL";
    public const string ServiceNameKey = "OTEL_SERVICE_NAME";
    public const string DefaultServiceName = "mastery-engine";

    /// <summary><c>LOG_LEVEL</c>: minimum level for every category (DEBUG/INFO/WARNING/ERROR or .NET names).</summary>
    public string? LogLevel { get; set; }

    /// <summary><c>ENVIRONMENT</c>: <c>production</c> turns on JSON logs even when the host environment says otherwise.</summary>
    public string? Environment { get; set; }

    /// <summary><c>OTEL_EXPORTER_OTLP_ENDPOINT</c>: when set, traces and metrics are exported over OTLP.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>OTEL_EXPORTER_OTLP_PROTOCOL</c>: <c>grpc</c> (default) or <c>http/protobuf</c>.</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary><c>OTEL_SERVICE_NAME</c>.</summary>
    public string ServiceName { get; set; } = DefaultServiceName;

    public bool HasValidOtlpSettings() =>
        (string.IsNullOrWhiteSpace(OtlpEndpoint) || Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out _))
        && OtlpProtocol is "grpc" or "http/protobuf";

    /// <summary>
    /// JSON logs when <c>ENVIRONMENT=production</c>, or, with no <c>ENVIRONMENT</c>, when the host runs as
    /// Production (<c>ASPNETCORE_ENVIRONMENT=Production</c>, which is also ASP.NET Core's default).
    /// </summary>
    public bool UsesJsonLogs(string hostEnvironmentName) =>
        string.IsNullOrWhiteSpace(Environment)
            ? string.Equals(hostEnvironmentName, "Production", StringComparison.OrdinalIgnoreCase)
            : string.Equals(Environment.Trim(), "production", StringComparison.OrdinalIgnoreCase);
}
