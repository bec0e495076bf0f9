using System.Buffers.Text;

namespace MasteryEngine.Silo.Redis.Client;

/// <summary>
/// A command encoded once as a RESP2 array of bulk strings, ready to be copied onto any connection.
/// </summary>
public sealed class RedisCommand
{
    private RedisCommand(string name, byte[] payload)
    {
        Name = name;
        Payload = payload;
    }

    /// <summary>The command's first word, for error messages.</summary>
    public string Name { get; }

    public ReadOnlyMemory<byte> Payload { get; }

    public static RedisCommand Create(params ReadOnlySpan<RedisArg> args)
    {
        if (args.IsEmpty)
        {
            throw new ArgumentException("A command needs at least its name.", nameof(args));
        }

        var size = HeaderSize(args.Length);
        foreach (var arg in args)
        {
            var length = arg.ByteCount;
            size += HeaderSize(length) + length + 2;
        }

        var payload = new byte[size];
        var span = payload.AsSpan();
        var written = WriteHeader(span, '*', args.Length);
        foreach (var arg in args)
        {
            written += WriteHeader(span[written..], '$', arg.ByteCount);
            written += arg.CopyTo(span[written..]);
            span[written++] = (byte)'\r';
            span[written++] = (byte)'\n';
        }

        return new RedisCommand(args[0].ToString().ToUpperInvariant(), payload);
    }

    private static int HeaderSize(int number) => 1 + CountDigits(number) + 2;

    private static int CountDigits(int number)
    {
        var digits = 1;
        while (number >= 10)
        {
            number /= 10;
            digits++;
        }

        return digits;
    }

    private static int WriteHeader(Span<byte> destination, char prefix, int number)
    {
        destination[0] = (byte)prefix;
        Utf8Formatter.TryFormat(number, destination[1..], out var digits);
        destination[1 + digits] = (byte)'\r';
        destination[2 + digits] = (byte)'\n';
        return digits + 3;
    }

    public override string ToString() => Name;
}
