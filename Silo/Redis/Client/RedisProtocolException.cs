namespace MasteryEngine.Silo.Redis.Client;

/// <summary>The server sent bytes that are not RESP2; the connection carrying them is closed.</summary>
public sealed class RedisProtocolException : RedisException
{
    public RedisProtocolException() { }

    public RedisProtocolException(string message) : base(message) { }

    public RedisProtocolException(string message, Exception innerException) : base(message, innerException) { }
}
