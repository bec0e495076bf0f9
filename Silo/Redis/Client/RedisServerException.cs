namespace MasteryEngine.Silo.Redis.Client;

/// <summary>The server answered a command with an error reply; <see cref="Exception.Message"/> is the server's text.</summary>
public sealed class RedisServerException : RedisException
{
    public RedisServerException() { }

    public RedisServerException(string message) : base(message) { }

    public RedisServerException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>The error code the server put first, e.g. <c>ERR</c>, <c>WRONGTYPE</c>, <c>NOSCRIPT</c>.</summary>
    public string Code => Message.Split(' ', 2)[0];
}
