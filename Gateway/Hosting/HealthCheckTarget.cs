using System.Globalization;

namespace MasteryEngine.Gateway.Hosting;

/// <summary>
/// Where <c>healthcheck</c> finds the server, by the same settings the server listens by and in the same order:
/// <c>ASPNETCORE_URLS</c> (its first URL), else <c>ASPNETCORE_HTTP_PORTS</c> (its first port), else <c>PORT</c>, else 8005.
/// A wildcard or localhost host is asked on 127.0.0.1.
/// </summary>
public static class HealthCheckTarget
{
    private const int DefaultPort = 8005;

    public static Uri From(Func<string, string?> environment)
    {
        if (First(environment("ASPNETCORE_URLS")) is { } url)
        {
            var parsed = Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                ? uri
                : throw new FormatException($"ASPNETCORE_URLS starts with '{url}', which is not a URL.");
            var host = parsed.Host is "0.0.0.0" or "[::]" or "localhost" ? "127.0.0.1" : parsed.Host;
            return new UriBuilder(parsed.Scheme, host, parsed.Port, "/health").Uri;
        }

        var port = First(environment("ASPNETCORE_HTTP_PORTS")) ?? environment("PORT");
        return new UriBuilder("http", "127.0.0.1", port is null ? DefaultPort : ParsePort(port), "/health").Uri;
    }

    private static string? First(string? list) =>
        list?.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();

    private static int ParsePort(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
            ? port
            : throw new FormatException($"the port '{value}' is not a number from 1 to 65535.");
}
