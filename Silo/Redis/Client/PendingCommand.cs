namespace MasteryEngine.Silo.Redis.Client;

/// <summary>A command on its way to the server, completed by the reply that arrives in its turn.</summary>
internal sealed class PendingCommand(RedisCommand command)
    : TaskCompletionSource<RedisReply>(TaskCreationOptions.RunContinuationsAsynchronously)
{
    public RedisCommand Command { get; } = command;
}
