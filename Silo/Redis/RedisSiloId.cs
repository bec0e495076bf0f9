namespace MasteryEngine.Silo.Redis;

/// <summary>Names this silo in invalidation messages, so a silo can ignore its own writes.</summary>
public sealed record RedisSiloId(string Value)
{
    public static RedisSiloId CreateUnique() => new($"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
}
