namespace MasteryEngine.Gateway.Hosting;

/// <summary>
/// <c>dotnet MasteryEngine.Gateway.dll healthcheck</c>: asks the running gateway's <c>/health</c> on loopback and
/// exits 0 when it answers 200, 1 otherwise. The container's HEALTHCHECK uses it because the runtime image has
/// no curl or wget.
/// </summary>
public static class HealthCheckCommand
{
    public const string Name = "healthcheck";

    public static bool IsRequested(string[] args) => args is [Name, ..];

    public static async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        Uri target;
        try
        {
            target = HealthCheckTarget.From(Environment.GetEnvironmentVariable);
        }
        catch (FormatException exception)
        {
            await Console.Error.WriteLineAsync($"healthcheck: {exception.Message}");
            return 2;
        }

        return await RunAsync(target, cancellationToken);
    }

    public static Task<int> RunAsync(int port, CancellationToken cancellationToken = default) =>
        RunAsync(new Uri($"http://127.0.0.1:{port}/health"), cancellationToken);

    public static async Task<int> RunAsync(Uri target, CancellationToken cancellationToken = default)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await client.GetAsync(target, cancellationToken);
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"healthcheck failed: {exception.Message}");
            return 1;
        }
    }
}
