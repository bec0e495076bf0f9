using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Silo.Redis.Client;

/// <summary>
/// Pub/sub on a connection of its own (a subscribed connection can run no other commands). Subscriptions are
/// remembered and sent again on every new connection, so they survive a Redis restart; messages published
/// while disconnected are lost, as pub/sub always allows.
/// </summary>
public sealed class RedisSubscriber : IAsyncDisposable, IDisposable
{
    private readonly ConcurrentDictionary<string, Action<RedisChannelMessage>> handlers = new(StringComparer.Ordinal);
    private readonly RedisReconnectingConnection connection;
    private readonly ILogger logger;

    public RedisSubscriber(IOptions<RedisOptions> options, TimeProvider timeProvider, ILogger<RedisSubscriber> logger)
    {
        this.logger = logger;
        connection = new RedisReconnectingConnection(options.Value, timeProvider, logger, Deliver, ResubscribeAsync);
    }

    public bool IsConnected => connection.Current is not null;

    /// <summary>
    /// Calls <paramref name="handler"/> for every message on <paramref name="channel"/>, from now on and after
    /// reconnects. The handler runs on the connection's reader loop: it must be quick and must not block.
    /// Returns once the server confirmed the subscription, or at once while Redis is unreachable (it is
    /// subscribed as soon as the connection is back).
    /// </summary>
    public async Task SubscribeAsync(string channel, Action<RedisChannelMessage> handler, CancellationToken cancellationToken = default)
    {
        if (!handlers.TryAdd(channel, handler))
        {
            throw new InvalidOperationException($"Channel '{channel}' already has a subscriber in this process.");
        }

        connection.Start();
        await connection.FirstAttempt.WaitAsync(cancellationToken);
        if (connection.Current is { } open)
        {
            try
            {
                await open.ExecuteAsync(RedisCommand.Create("SUBSCRIBE", channel), cancellationToken);
            }
            catch (RedisConnectionException e)
            {
                logger.LogWarning("Subscribing to {Channel} waits for the reconnect: {Reason}", channel, e.Message);
            }
        }
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    public void Dispose() => connection.Dispose();

    private async Task ResubscribeAsync(RedisConnection open, CancellationToken cancellationToken)
    {
        foreach (var channel in handlers.Keys)
        {
            await open.ExecuteAsync(RedisCommand.Create("SUBSCRIBE", channel), cancellationToken);
        }
    }

    private void Deliver(RedisReply push)
    {
        // ["message", channel, payload] or ["pmessage", pattern, channel, payload]
        var elements = push.Elements;
        var channel = elements[^2].AsString() ?? "";
        if (!handlers.TryGetValue(channel, out var handler) || elements[^1].Bytes is not { } payload)
        {
            return;
        }

        try
        {
            handler(new RedisChannelMessage(channel, payload));
        }
        catch (Exception e)
        {
            logger.LogError(e, "Handler for Redis channel {Channel} failed", channel);
        }
    }
}
