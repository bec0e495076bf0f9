using System.Globalization;
using System.Text;

namespace MasteryEngine.Silo.Redis.Client;

/// <summary>One argument of a command: text (sent as UTF-8), raw bytes or an integer.</summary>
public readonly struct RedisArg
{
    private readonly string? text;
    private readonly ReadOnlyMemory<byte> bytes;

    private RedisArg(string? text, ReadOnlyMemory<byte> bytes)
    {
        this.text = text;
        this.bytes = bytes;
    }

    public static implicit operator RedisArg(string text) => new(text, default);

    public static implicit operator RedisArg(byte[] bytes) => new(null, bytes);

    public static implicit operator RedisArg(ReadOnlyMemory<byte> bytes) => new(null, bytes);

    public static implicit operator RedisArg(long value) => new(value.ToString(CultureInfo.InvariantCulture), default);

    public static RedisArg FromString(string text) => text;

    public static RedisArg FromBytes(ReadOnlyMemory<byte> bytes) => bytes;

    public static RedisArg FromInt64(long value) => value;

    internal int ByteCount => text is null ? bytes.Length : Encoding.UTF8.GetByteCount(text);

    internal int CopyTo(Span<byte> destination)
    {
        if (text is null)
        {
            bytes.Span.CopyTo(destination);
            return bytes.Length;
        }

        return Encoding.UTF8.GetBytes(text, destination);
    }

    public override string ToString() => text ?? Encoding.UTF8.GetString(bytes.Span);
}
