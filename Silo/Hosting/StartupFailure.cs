using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace MasteryEngine.Silo.Hosting;

/// <summary>
/// Runs a host until it stops. When it cannot start (Redis does not answer, a port is taken), the process ends with
/// one line on stderr saying why and exit code 3, instead of an unhandled-exception abort (134) whose reason is
/// buried in the stack traces of every layer that saw it. Only when the app owns the process: a host that embeds it
/// (WebApplicationFactory) still gets the exception, as from <c>app.Run()</c>.
/// </summary>
public static class StartupFailure
{
    public const int ExitCode = 3;

    public static async Task<int> RunAsync(IHost host, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        try
        {
            try
            {
                await host.StartAsync();
            }
            catch (Exception exception) when (exception is not OperationCanceledException && ConfigurationCheck.OwnsTheProcess())
            {
                (error ?? Console.Error).WriteLine("start-up failed: " + Describe(exception));
                return ExitCode;
            }

            await host.WaitForShutdownAsync();
            return 0;
        }
        finally
        {
            if (host is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
            else
            {
                host.Dispose();
            }
        }
    }

    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var cause = exception;
        while (cause is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            cause = aggregate.InnerExceptions[0];
        }

        return cause switch
        {
            RedisConnectionException redis =>
                $"Redis does not answer ({redis.FailureType}): check REDIS_HOST (host:port, 6379 when no port is given) and that Redis runs.",
            IOException when cause.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase) =>
                $"{cause.Message} Another process listens there: stop it, or set PORT (or ASPNETCORE_URLS) to a free port.",
            _ => cause.Message.ReplaceLineEndings(" "),
        };
    }
}
