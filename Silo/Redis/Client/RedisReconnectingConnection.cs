using Microsoft.Extensions.Logging;

namespace MasteryEngine.Silo.Redis.Client;

/// <summary>
/// Keeps one <see cref="RedisConnection"/> open: connects, and after every loss reconnects with an exponential
/// backoff (with jitter, so a pool does not reconnect in lockstep). Between connections <see cref="Current"/> is
/// null and callers fail fast instead of waiting.
/// </summary>
internal sealed class RedisReconnectingConnection : IAsyncDisposable, IDisposable
{
    private readonly RedisOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly Action<RedisReply>? onPush;
    private readonly Func<RedisConnection, CancellationToken, Task>? onConnected;
    private readonly CancellationTokenSource stopping = new();
    private readonly TaskCompletionSource firstAttempt = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? loop;
    private RedisConnection? current;
    private Exception? lastError;

    public RedisReconnectingConnection(
        RedisOptions options,
        TimeProvider timeProvider,
        ILogger logger,
        Action<RedisReply>? onPush = null,
        Func<RedisConnection, CancellationToken, Task>? onConnected = null)
    {
        this.options = options;
        this.timeProvider = timeProvider;
        this.logger = logger;
        this.onPush = onPush;
        this.onConnected = onConnected;
    }

    /// <summary>The open connection, or null while (re)connecting.</summary>
    public RedisConnection? Current => Volatile.Read(ref current) is { IsConnected: true } connection ? connection : null;

    /// <summary>Why the last connection failed or closed.</summary>
    public Exception? LastError => Volatile.Read(ref lastError);

    /// <summary>Finishes when the first connection attempt has succeeded or failed.</summary>
    public Task FirstAttempt => firstAttempt.Task;

    public void Start()
    {
        if (Interlocked.CompareExchange(ref loop, Task.CompletedTask, null) is null)
        {
            loop = Task.Run(() => KeepConnectedAsync(stopping.Token));
        }
    }

    public async ValueTask DisposeAsync()
    {
        Dispose();
        if (Volatile.Read(ref current) is { } connection)
        {
            await connection.Completion;
        }

        if (loop is not null)
        {
            await loop;
        }
    }

    /// <summary>Stops reconnecting and closes the connection without waiting for it to wind down.</summary>
    public void Dispose()
    {
        stopping.Cancel();
        Volatile.Read(ref current)?.Dispose();
    }

    private async Task KeepConnectedAsync(CancellationToken cancellationToken)
    {
        var delay = options.ReconnectMinDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var connection = await RedisConnection.ConnectAsync(options, timeProvider, onPush, cancellationToken);
                if (onConnected is not null)
                {
                    try
                    {
                        await onConnected(connection, cancellationToken);
                    }
                    catch
                    {
                        await connection.DisposeAsync();
                        throw;
                    }
                }

                Volatile.Write(ref current, connection);
                if (cancellationToken.IsCancellationRequested)
                {
                    // Disposed while this connection was being opened: Dispose saw no connection to close.
                    connection.Dispose();
                }

                firstAttempt.TrySetResult();
                delay = options.ReconnectMinDelay;
                logger.LogInformation("Connected to Redis at {Endpoint}", connection.Endpoint);

                await connection.Completion;
                Volatile.Write(ref lastError, connection.Failure);
                if (!cancellationToken.IsCancellationRequested)
                {
                    logger.LogWarning("Lost the connection to Redis at {Endpoint}: {Reason}", connection.Endpoint, connection.Failure?.Message);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                Volatile.Write(ref lastError, e);
                firstAttempt.TrySetResult();
                logger.LogWarning("Redis connection attempt failed, retrying in {Delay}: {Reason}", delay, e.Message);
            }

            try
            {
                var jitter = delay * (Random.Shared.NextDouble() * 0.2);
                await Task.Delay(delay + jitter, timeProvider, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.ReconnectMaxDelay.Ticks));
        }

        firstAttempt.TrySetResult();
    }
}
