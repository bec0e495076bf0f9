using System.Globalization;

namespace MasteryEngine.Silo.Redis;

/// <summary>
/// Where Redis is and how the client and the grain storage use it. Bound from the <c>Redis</c> section and then
/// from the seeds' environment variables (<c>REDIS_HOST</c>, <c>REDIS_PASSWORD</c>, ...), which win.
/// </summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary><c>host:port</c> (port 6379 when omitted); IPv6 as <c>[::1]:6379</c>.</summary>
    public string Host { get; set; } = "localhost:6379";

    /// <summary>ACL user name; with a password only, AUTH uses the <c>default</c> user.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    public bool Tls { get; set; }

    /// <summary>PEM file of the CA that signed the server's certificate, for a private CA (<c>REDIS_TLS_CA_FILE</c>).</summary>
    public string? TlsCaFile { get; set; }

    public int Database { get; set; }

    /// <summary>Put before every key and the invalidation channel, e.g. <c>me:</c> to share a Redis with other apps.</summary>
    public string KeyPrefix { get; set; } = "";

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Connections commands are spread over; each one pipelines many concurrent commands.</summary>
    public int PoolSize { get; set; } = 2;

    /// <summary>Commands sent but not yet answered on one connection; beyond it commands fail fast instead of queueing.</summary>
    public int MaxInFlightPerConnection { get; set; } = 10_000;

    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Days every grain key lives after its last write (<c>GDPR_RETENTION_DAYS</c>).</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>Per grain type retention that replaces <see cref="RetentionDays"/>: batch status lives one day.</summary>
    public Dictionary<string, TimeSpan> RetentionByGrainType { get; set; } = new(StringComparer.Ordinal)
    {
        ["batch"] = TimeSpan.FromDays(1),
    };

    /// <summary>Publish an invalidation after every write so other silos drop stale activations.</summary>
    public bool PublishInvalidations { get; set; } = true;

    public string InvalidationChannel => KeyPrefix + "invalidate";

    public TimeSpan RetentionFor(string grainType) =>
        RetentionByGrainType.TryGetValue(grainType, out var retention) ? retention : TimeSpan.FromDays(RetentionDays);

    /// <summary>Splits <see cref="Host"/>; false when it is not <c>host[:port]</c>.</summary>
    public bool TryGetEndpoint(out string host, out int port)
    {
        host = Host.Trim();
        port = 6379;
        var colon = host.LastIndexOf(':');
        var bracketEnd = host.LastIndexOf(']');
        if (colon > bracketEnd)
        {
            if (!int.TryParse(host.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
            {
                return false;
            }

            host = host[..colon];
        }

        host = host.Trim('[', ']');
        return host.Length > 0 && !host.Contains(' ', StringComparison.Ordinal);
    }
}
