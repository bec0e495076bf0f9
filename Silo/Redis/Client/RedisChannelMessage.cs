namespace MasteryEngine.Silo.Redis.Client;

/// <summary>A message published on a pub/sub channel.</summary>
public sealed record RedisChannelMessage(string Channel, byte[] Payload);
