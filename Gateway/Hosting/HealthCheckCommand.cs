using System.Globalization;

namespace MasteryEngine.Gateway.Hosting;

/// <summary>
/// <c>dotnet MasteryEngine.Gateway.dll healthcheck</c>: asks the running gateway's <c>/health</c> on loopback and
/// exits 0 when it answers 200, 1 otherwise. The container's HEALTHCHECK uses it because the runtime image has
/// no curl or wget.
/// </summary>
public static class HealthCheckCommand
{
    public const string Name = "healthcheck";
    private const int DefaultPort = 8005;

    public static bool IsRequested(string[] args) => args is [Name, ..];

    public static Task<int> RunAsync(CancellationToken cancellationToken = default) => RunAsync(ConfiguredPort(), cancellationToken);

    public static async Task<int> RunAsync(int port, CancellationToken cancellationToken = default)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/health"), cancellationToken);
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"healthcheck failed: {exception.Message}");
            return 1;
        }
    }

    /// <summary>The first port of <c>ASPNETCORE_HTTP_PORTS</c> (how the image sets 8005), else 8005.</summary>
    private static int ConfiguredPort()
    {
        var ports = Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS");
        var first = ports?.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : DefaultPort;
    }
}
