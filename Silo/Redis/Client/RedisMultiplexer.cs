using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Silo.Redis.Client;

/// <summary>
/// The process's commands to Redis, spread round-robin over a small pool of pipelined connections
/// (<see cref="RedisOptions.PoolSize"/>), each reconnecting by itself. The pool connects on first use; a command
/// issued while no connection is open fails at once with <see cref="RedisConnectionException"/>.
/// </summary>
public sealed class RedisMultiplexer : IAsyncDisposable, IDisposable
{
    private readonly RedisReconnectingConnection[] pool;
    private readonly RedisOptions options;
    private Task? firstAttempt;
    private int next;

    public RedisMultiplexer(IOptions<RedisOptions> options, TimeProvider timeProvider, ILogger<RedisMultiplexer> logger)
    {
        this.options = options.Value;
        pool = new RedisReconnectingConnection[this.options.PoolSize];
        for (var i = 0; i < pool.Length; i++)
        {
            pool[i] = new RedisReconnectingConnection(this.options, timeProvider, logger);
        }
    }

    /// <summary>True while at least one pooled connection is open.</summary>
    public bool IsConnected => pool.Any(slot => slot.Current is not null);

    /// <summary>Sends a command on one of the pooled connections.</summary>
    /// <exception cref="RedisServerException">The server answered with an error.</exception>
    /// <exception cref="RedisConnectionException">Not connected, or the connection broke before the reply.</exception>
    /// <exception cref="RedisTimeoutException">No reply within the command timeout.</exception>
    public async Task<RedisReply> ExecuteAsync(RedisCommand command, CancellationToken cancellationToken = default)
    {
        var connection = await GetConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(command, cancellationToken);
    }

    public Task<RedisReply> ExecuteAsync(params ReadOnlySpan<RedisArg> args) => ExecuteAsync(RedisCommand.Create(args));

    /// <summary>
    /// Runs a Lua script by SHA1; when the server answers NOSCRIPT (first use, SCRIPT FLUSH, restart) it is sent
    /// again as EVAL on the same connection, which also caches it there.
    /// </summary>
    public async Task<RedisReply> ExecuteScriptAsync(
        RedisScript script, RedisArg[] keys, RedisArg[] args, CancellationToken cancellationToken = default)
    {
        var connection = await GetConnectionAsync(cancellationToken);
        try
        {
            return await connection.ExecuteAsync(script.CreateCommand(bySha: true, keys, args), cancellationToken);
        }
        catch (RedisServerException e) when (e.Code == "NOSCRIPT")
        {
            return await connection.ExecuteAsync(script.CreateCommand(bySha: false, keys, args), cancellationToken);
        }
    }

    /// <summary>Starts the pool and waits for the first connection attempt; useful at start-up, never required.</summary>
    public async Task<bool> ConnectAsync(CancellationToken cancellationToken = default)
    {
        await Start().WaitAsync(cancellationToken);
        return IsConnected;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var slot in pool)
        {
            await slot.DisposeAsync();
        }
    }

    public void Dispose()
    {
        foreach (var slot in pool)
        {
            slot.Dispose();
        }
    }

    private ValueTask<RedisConnection> GetConnectionAsync(CancellationToken cancellationToken)
    {
        if (TryGetOpenConnection() is { } open)
        {
            return ValueTask.FromResult(open);
        }

        return Volatile.Read(ref firstAttempt) is { IsCompleted: true }
            ? ValueTask.FromException<RedisConnection>(NotConnected())
            : FirstConnectionAsync(cancellationToken);
    }

    private async ValueTask<RedisConnection> FirstConnectionAsync(CancellationToken cancellationToken)
    {
        await ConnectAsync(cancellationToken);
        return TryGetOpenConnection() ?? throw NotConnected();
    }

    private RedisConnection? TryGetOpenConnection()
    {
        var start = (int)((uint)Interlocked.Increment(ref next) % (uint)pool.Length);
        for (var i = 0; i < pool.Length; i++)
        {
            if (pool[(start + i) % pool.Length].Current is { } connection)
            {
                return connection;
            }
        }

        return null;
    }

    private Task Start()
    {
        if (Volatile.Read(ref firstAttempt) is { } attempt)
        {
            return attempt;
        }

        lock (pool)
        {
            if (firstAttempt is null)
            {
                foreach (var slot in pool)
                {
                    slot.Start();
                }

                firstAttempt = Task.WhenAny(pool.Select(slot => slot.FirstAttempt));
            }

            return firstAttempt;
        }
    }

    private RedisConnectionException NotConnected()
    {
        var reason = pool.Select(slot => slot.LastError?.Message).FirstOrDefault(message => message is not null) ?? "connecting";
        return new RedisConnectionException($"Redis at {options.Host} is not connected ({reason}); reconnecting in the background.");
    }
}
