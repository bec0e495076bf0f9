using System.Globalization;
using StackExchange.Redis;

namespace MasteryEngine.Silo.Redis;

/// <summary>
/// Where Redis is and how to reach it. Bound from the <c>Redis</c> section and then from the seeds' environment
/// variables (<c>REDIS_HOST</c>, <c>REDIS_PASSWORD</c>, ...), which win; turned into StackExchange.Redis'
/// <see cref="ConfigurationOptions"/> by <see cref="ToConfigurationOptions"/>.
/// </summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    private const int DefaultPort = 6379;

    /// <summary><c>host:port[,host:port...]</c>, port 6379 when omitted; IPv6 as <c>[::1]:6379</c>.</summary>
    public string Host { get; set; } = "localhost:6379";

    /// <summary>ACL user name; with a password only, AUTH uses the <c>default</c> user.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    public bool Tls { get; set; }

    /// <summary>PEM file of the CA that signed the server's certificate, for a private CA (<c>REDIS_TLS_CA_FILE</c>).</summary>
    public string? TlsCaFile { get; set; }

    public int Database { get; set; }

    /// <summary>Put before every key, e.g. <c>me:</c> to share a Redis with other apps.</summary>
    public string KeyPrefix { get; set; } = "";

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The endpoints of <see cref="Host"/>; false when one of them is not <c>host[:port]</c>.</summary>
    public bool TryGetEndpoints(out IReadOnlyList<(string Host, int Port)> endpoints)
    {
        var parsed = new List<(string, int)>();
        endpoints = parsed;
        foreach (var part in Host.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!TryParseEndpoint(part, out var host, out var port))
            {
                return false;
            }

            parsed.Add((host, port));
        }

        return parsed.Count > 0;
    }

    /// <summary>
    /// The client configuration. Commands fail at once while disconnected (no backlog grows during an outage),
    /// and a server that is down at start-up does not stop the silo: the client keeps reconnecting.
    /// </summary>
    public ConfigurationOptions ToConfigurationOptions()
    {
        if (!TryGetEndpoints(out var endpoints))
        {
            throw new InvalidOperationException($"REDIS_HOST '{Host}' is not host:port[,host:port...].");
        }

        var configuration = new ConfigurationOptions
        {
            AbortOnConnectFail = false,
            BacklogPolicy = BacklogPolicy.FailFast,
            User = string.IsNullOrEmpty(User) ? null : User,
            Password = string.IsNullOrEmpty(Password) ? null : Password,
            Ssl = Tls,
            DefaultDatabase = Database,
            ConnectTimeout = (int)ConnectTimeout.TotalMilliseconds,
            SyncTimeout = (int)CommandTimeout.TotalMilliseconds,
            AsyncTimeout = (int)CommandTimeout.TotalMilliseconds,
            ConnectRetry = 1,
            ReconnectRetryPolicy = new ExponentialRetry(100, 2000),
            ClientName = "mastery-engine",
        };
        foreach (var (host, port) in endpoints)
        {
            configuration.EndPoints.Add(host, port);
        }

        if (Tls && !string.IsNullOrEmpty(TlsCaFile))
        {
            configuration.TrustIssuer(TlsCaFile);
        }

        return configuration;
    }

    private static bool TryParseEndpoint(string text, out string host, out int port)
    {
        host = text;
        port = DefaultPort;
        var colon = text.LastIndexOf(':');
        var bracketEnd = text.LastIndexOf(']');
        var bareIpv6 = bracketEnd < 0 && text.IndexOf(':', StringComparison.Ordinal) != colon;
        if (colon > bracketEnd && !bareIpv6)
        {
            if (!int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
            {
                return false;
            }

            host = text[..colon];
        }

        host = host.Trim('[', ']');
        return host.Length > 0 && !host.Contains(' ', StringComparison.Ordinal);
    }
}
