namespace MasteryEngine.Gateway.Options;

/// <summary>Limits and modes of the HTTP API (section <c>Gateway</c>, overridden by the seeds' environment variables).</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary><c>MAX_REQUEST_BODY_BYTES</c>: larger bodies get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary><c>GDPR_RETENTION_DAYS</c>: how far back history can be asked for.</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>Most students one batch may hold.</summary>
    public int MaxBatchSize { get; set; } = 1000;

    /// <summary>Most cohorts one comparison may hold.</summary>
    public int MaxComparedCohorts { get; set; } = 10;

    /// <summary><c>STORAGE_PROVIDER</c>: <c>memory</c> or <c>redis</c>.</summary>
    public string StorageProvider { get; set; } = "memory";

    /// <summary><c>STREAM_PROVIDER</c>: <c>memory</c> (Orleans memory streams) or <c>kafka</c>.</summary>
    public string StreamProvider { get; set; } = "memory";

    /// <summary>Whether the event stream keeps what it was given across a restart (Kafka does; memory streams do not).</summary>
    public bool StreamIsDurable => StreamProvider == "kafka";

    /// <summary>Sent as <c>Retry-After</c> when a dependency (stream, storage) is down.</summary>
    public int UnavailableRetryAfterSeconds { get; set; } = 5;
}
