using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading.Channels;

namespace MasteryEngine.Silo.Redis.Client;

/// <summary>
/// One socket to Redis shared by any number of concurrent callers. Commands are queued, written in batches
/// by a single writer loop (pipelining), and replies are matched to them in order by a single reader loop:
/// Redis answers each connection's commands in the order it received them. The connection never reconnects;
/// when it breaks, every command on it fails and <see cref="Completion"/> finishes, and its owner
/// (<see cref="RedisMultiplexer"/>) opens a new one.
/// </summary>
public sealed class RedisConnection : IAsyncDisposable, IDisposable
{
    private static readonly byte[] MessagePush = "message"u8.ToArray();
    private static readonly byte[] PatternMessagePush = "pmessage"u8.ToArray();

    private readonly Socket socket;
    private readonly Stream stream;
    private readonly PipeReader input;
    private readonly PipeWriter output;
    private readonly Channel<PendingCommand> outbox = Channel.CreateUnbounded<PendingCommand>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });
    private readonly ConcurrentQueue<PendingCommand> awaitingReply = new();
    private readonly CancellationTokenSource shutdown = new();
    private readonly Action<RedisReply>? onPush;
    private readonly TimeSpan commandTimeout;
    private readonly int maxInFlight;
    private readonly TimeProvider timeProvider;
    private int inFlight;
    private Exception? failure;

    private RedisConnection(
        Socket socket, Stream stream, string endpoint, RedisOptions options, TimeProvider timeProvider, Action<RedisReply>? onPush)
    {
        this.socket = socket;
        this.stream = stream;
        this.onPush = onPush;
        this.timeProvider = timeProvider;
        Endpoint = endpoint;
        commandTimeout = options.CommandTimeout;
        maxInFlight = options.MaxInFlightPerConnection;
        input = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
        output = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
        Completion = RunAsync();
    }

    public string Endpoint { get; }

    public bool IsConnected => Volatile.Read(ref failure) is null;

    /// <summary>Finishes once the connection is closed and every command on it has completed or failed.</summary>
    public Task Completion { get; }

    /// <summary>Why the connection closed; null while it is open.</summary>
    public Exception? Failure => Volatile.Read(ref failure);

    /// <summary>
    /// Opens the socket (and TLS), authenticates and selects the database. With <paramref name="onPush"/> the
    /// connection is a subscriber: pub/sub messages go to it instead of being matched to commands.
    /// </summary>
    /// <exception cref="RedisConnectionException">Unreachable, timed out, or the handshake was refused.</exception>
    public static async Task<RedisConnection> ConnectAsync(
        RedisOptions options, TimeProvider timeProvider, Action<RedisReply>? onPush = null, CancellationToken cancellationToken = default)
    {
        if (!options.TryGetEndpoint(out var host, out var port))
        {
            throw new RedisConnectionException($"Redis host '{options.Host}' is not host:port.");
        }

        var endpoint = $"{host}:{port}";
        using var timeout = new CancellationTokenSource(options.ConnectTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream? stream = null;
        RedisConnection? connection = null;
        try
        {
            await socket.ConnectAsync(host, port, linked.Token);
            stream = new NetworkStream(socket, ownsSocket: true);
            if (options.Tls)
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = tls;
                await tls.AuthenticateAsClientAsync(TlsOptions(host, options), linked.Token);
            }

            connection = new RedisConnection(socket, stream, endpoint, options, timeProvider, onPush);
            await HandshakeAsync(connection, options, linked.Token);
            return connection;
        }
        catch (Exception e) when (e is not RedisConnectionException)
        {
            await CloseAfterFailedConnectAsync(socket, stream, connection);
            var reason = timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested
                ? $"no connection within {options.ConnectTimeout.TotalSeconds:0.###} s"
                : e.Message;
            throw new RedisConnectionException($"Cannot connect to Redis at {endpoint}: {reason}", e);
        }
        catch
        {
            await CloseAfterFailedConnectAsync(socket, stream, connection);
            throw;
        }
    }

    /// <summary>Sends a command and returns its reply.</summary>
    /// <exception cref="RedisServerException">The server answered with an error.</exception>
    /// <exception cref="RedisConnectionException">The connection is down, broke before the reply, or is saturated.</exception>
    /// <exception cref="RedisTimeoutException">No reply within the command timeout.</exception>
    public Task<RedisReply> ExecuteAsync(RedisCommand command, CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref failure) is { } down)
        {
            return Task.FromException<RedisReply>(Closed(down));
        }

        if (Interlocked.Increment(ref inFlight) > maxInFlight)
        {
            Interlocked.Decrement(ref inFlight);
            return Task.FromException<RedisReply>(new RedisConnectionException(
                $"{maxInFlight} commands are already waiting for Redis at {Endpoint}; refusing {command.Name} instead of queueing it."));
        }

        var pending = new PendingCommand(command);
        if (!outbox.Writer.TryWrite(pending))
        {
            Interlocked.Decrement(ref inFlight);
            return Task.FromException<RedisReply>(Closed(Volatile.Read(ref failure)));
        }

        return WaitForReplyAsync(pending, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Dispose();
        await Completion;
    }

    /// <summary>Closes the connection; commands on it fail and <see cref="Completion"/> finishes soon after.</summary>
    public void Dispose() => Abort(new ObjectDisposedException(nameof(RedisConnection), "The connection was closed by its owner."));

    private async Task<RedisReply> WaitForReplyAsync(PendingCommand pending, CancellationToken cancellationToken)
    {
        try
        {
            return await pending.Task.WaitAsync(commandTimeout, timeProvider, cancellationToken);
        }
        catch (TimeoutException e)
        {
            // The command stays in the reply queue: its late reply must still be consumed to keep the order.
            throw new RedisTimeoutException(
                $"{pending.Command.Name} got no reply from Redis at {Endpoint} within {commandTimeout.TotalSeconds:0.###} s.", e);
        }
    }

    private static SslClientAuthenticationOptions TlsOptions(string host, RedisOptions options)
    {
        var tls = new SslClientAuthenticationOptions { TargetHost = host };
        if (!string.IsNullOrEmpty(options.TlsCaFile))
        {
            // A private CA is trusted for this connection only, not added to the machine's store.
            var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
            policy.CustomTrustStore.Add(X509Certificate2.CreateFromPem(File.ReadAllText(options.TlsCaFile)));
            tls.CertificateChainPolicy = policy;
        }

        return tls;
    }

    private static async Task HandshakeAsync(RedisConnection connection, RedisOptions options, CancellationToken cancellationToken)
    {
        try
        {
            if (!string.IsNullOrEmpty(options.Password))
            {
                var auth = string.IsNullOrEmpty(options.User)
                    ? RedisCommand.Create("AUTH", options.Password)
                    : RedisCommand.Create("AUTH", options.User, options.Password);
                await connection.ExecuteAsync(auth, cancellationToken);
            }

            if (options.Database != 0)
            {
                await connection.ExecuteAsync(RedisCommand.Create("SELECT", options.Database), cancellationToken);
            }
        }
        catch (RedisServerException e)
        {
            throw new RedisConnectionException($"Redis at {connection.Endpoint} refused the connection set-up: {e.Message}", e);
        }
    }

    private static async Task CloseAfterFailedConnectAsync(Socket socket, Stream? stream, RedisConnection? connection)
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
        else if (stream is not null)
        {
            await stream.DisposeAsync();
        }
        else
        {
            socket.Dispose();
        }
    }

    private async Task RunAsync()
    {
        await Task.WhenAll(Task.Run(ReadLoopAsync), Task.Run(WriteLoopAsync));

        var error = Closed(Volatile.Read(ref failure));
        while (outbox.Reader.TryRead(out var unsent))
        {
            Fail(unsent, error);
        }

        while (awaitingReply.TryDequeue(out var unanswered))
        {
            Fail(unanswered, error);
        }

        await input.CompleteAsync();
        await output.CompleteAsync();
        await stream.DisposeAsync();
        socket.Dispose();
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            var reader = outbox.Reader;
            while (await reader.WaitToReadAsync(shutdown.Token))
            {
                while (reader.TryRead(out var pending))
                {
                    // Queued for its reply before its bytes leave, so the reply always finds it.
                    awaitingReply.Enqueue(pending);
                    output.Write(pending.Command.Payload.Span);
                }

                var flushed = await output.FlushAsync(shutdown.Token);
                if (flushed.IsCompleted || flushed.IsCanceled)
                {
                    break;
                }
            }

            Abort(new RedisConnectionException($"Connection to Redis at {Endpoint} stopped writing."));
        }
        catch (Exception e)
        {
            Abort(e);
        }
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (true)
            {
                var result = await input.ReadAsync(shutdown.Token);
                var buffer = result.Buffer;
                var reader = new SequenceReader<byte>(buffer);
                while (RespReader.TryRead(ref reader, out var reply))
                {
                    Dispatch(reply);
                }

                input.AdvanceTo(reader.Position, buffer.End);
                if (result.IsCompleted || result.IsCanceled)
                {
                    Abort(new RedisConnectionException($"Redis at {Endpoint} closed the connection."));
                    return;
                }
            }
        }
        catch (Exception e)
        {
            Abort(e);
        }
    }

    private void Dispatch(RedisReply reply)
    {
        if (onPush is not null && IsPushMessage(reply))
        {
            onPush(reply);
            return;
        }

        if (!awaitingReply.TryDequeue(out var pending))
        {
            throw new RedisProtocolException($"Redis at {Endpoint} sent a reply no command was waiting for: {reply}");
        }

        Interlocked.Decrement(ref inFlight);
        if (reply.Type == RedisReplyType.Error)
        {
            pending.TrySetException(new RedisServerException(Encoding.UTF8.GetString(reply.Bytes!)));
        }
        else
        {
            pending.TrySetResult(reply);
        }
    }

    private static bool IsPushMessage(RedisReply reply) =>
        reply.Type == RedisReplyType.Array
        && reply.Elements.Count >= 3
        && reply.Elements[0].Bytes is { } kind
        && (kind.AsSpan().SequenceEqual(MessagePush) || kind.AsSpan().SequenceEqual(PatternMessagePush));

    private void Abort(Exception reason)
    {
        if (Interlocked.CompareExchange(ref failure, reason, null) is not null)
        {
            return;
        }

        outbox.Writer.TryComplete();
        try
        {
            shutdown.Cancel();
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already closed by the peer: nothing left to shut down.
        }
    }

    private void Fail(PendingCommand pending, Exception error)
    {
        Interlocked.Decrement(ref inFlight);
        pending.TrySetException(error);
    }

    private RedisConnectionException Closed(Exception? reason) => reason switch
    {
        RedisConnectionException closed => new RedisConnectionException(closed.Message, closed),
        null => new RedisConnectionException($"Connection to Redis at {Endpoint} is closed."),
        _ => new RedisConnectionException($"Connection to Redis at {Endpoint} is closed: {reason.Message}", reason),
    };
}
