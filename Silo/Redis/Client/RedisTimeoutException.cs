namespace MasteryEngine.Silo.Redis.Client;

/// <summary>No reply arrived within the command timeout; the server may still execute the command.</summary>
public sealed class RedisTimeoutException : RedisException
{
    public RedisTimeoutException() { }

    public RedisTimeoutException(string message) : base(message) { }

    public RedisTimeoutException(string message, Exception innerException) : base(message, innerException) { }
}
