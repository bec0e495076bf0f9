namespace MasteryEngine.Silo.Redis.Client;

/// <summary>The RESP2 reply kinds; null bulk strings and null arrays both read as <see cref="Null"/>.</summary>
public enum RedisReplyType
{
    SimpleString,
    Error,
    Number,
    BulkString,
    Array,
    Null,
}
