namespace MasteryEngine.Silo.Redis.Client;

/// <summary>
/// The command could not be sent or its reply never came because the connection is down, or too many commands
/// were already waiting. Whether the server executed a command that was in flight when the connection
/// dropped is unknown.
/// </summary>
public sealed class RedisConnectionException : RedisException
{
    public RedisConnectionException() { }

    public RedisConnectionException(string message) : base(message) { }

    public RedisConnectionException(string message, Exception innerException) : base(message, innerException) { }
}
