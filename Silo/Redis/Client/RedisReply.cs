using System.Globalization;
using System.Text;

namespace MasteryEngine.Silo.Redis.Client;

/// <summary>One parsed RESP2 reply.</summary>
public sealed class RedisReply
{
    public static readonly RedisReply Null = new(RedisReplyType.Null, null, 0, null);

    private static readonly RedisReply[] NoElements = [];

    private RedisReply(RedisReplyType type, byte[]? bytes, long integer, RedisReply[]? elements)
    {
        Type = type;
        Bytes = bytes;
        Number = integer;
        Elements = elements ?? NoElements;
    }

    public RedisReplyType Type { get; }

    public bool IsNull => Type == RedisReplyType.Null;

    /// <summary>The payload of a simple string, error or bulk string.</summary>
    public byte[]? Bytes { get; }

    public long Number { get; }

    public IReadOnlyList<RedisReply> Elements { get; }

    public static RedisReply SimpleString(byte[] text) => new(RedisReplyType.SimpleString, text, 0, null);

    public static RedisReply Error(byte[] message) => new(RedisReplyType.Error, message, 0, null);

    public static RedisReply FromInteger(long value) => new(RedisReplyType.Number, null, value, null);

    public static RedisReply BulkString(byte[] data) => new(RedisReplyType.BulkString, data, 0, null);

    public static RedisReply Array(RedisReply[] elements) => new(RedisReplyType.Array, null, 0, elements);

    /// <summary>Text of a string-like reply, the number of an integer, null for a null reply.</summary>
    public string? AsString() => Type switch
    {
        RedisReplyType.Number => Number.ToString(CultureInfo.InvariantCulture),
        RedisReplyType.Null or RedisReplyType.Array => null,
        _ => Encoding.UTF8.GetString(Bytes!),
    };

    public long AsInt64() => Type switch
    {
        RedisReplyType.Number => Number,
        RedisReplyType.BulkString or RedisReplyType.SimpleString => long.Parse(AsString()!, CultureInfo.InvariantCulture),
        _ => throw new InvalidCastException($"A {Type} reply is not a number."),
    };

    public override string ToString() => Type switch
    {
        RedisReplyType.Null => "(nil)",
        RedisReplyType.Array => "[" + string.Join(", ", Elements) + "]",
        RedisReplyType.Error => "(error) " + AsString(),
        _ => AsString()!,
    };
}
