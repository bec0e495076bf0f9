using System.Buffers;
using System.Buffers.Text;

namespace MasteryEngine.Silo.Redis.Client;

/// <summary>
/// Parses RESP2 replies from a byte sequence that may end anywhere: a reply is either read whole or not at all,
/// so the caller simply waits for more bytes and tries again.
/// </summary>
public static class RespReader
{
    private const int MaxNesting = 64;
    private const int MaxBulkLength = 512 * 1024 * 1024;

    /// <summary>Reads one complete reply and advances past it; returns false (and leaves the reader alone) when the bytes end first.</summary>
    /// <exception cref="RedisProtocolException">The bytes are not RESP2.</exception>
    public static bool TryRead(ref SequenceReader<byte> reader, out RedisReply reply)
    {
        var probe = reader;
        if (TryReadValue(ref probe, 0, out reply))
        {
            reader = probe;
            return true;
        }

        return false;
    }

    private static bool TryReadValue(ref SequenceReader<byte> reader, int depth, out RedisReply reply)
    {
        reply = RedisReply.Null;
        if (!reader.TryRead(out var prefix))
        {
            return false;
        }

        switch (prefix)
        {
            case (byte)'+':
                if (!TryReadLine(ref reader, out var simple))
                {
                    return false;
                }

                reply = RedisReply.SimpleString(simple.ToArray());
                return true;
            case (byte)'-':
                if (!TryReadLine(ref reader, out var error))
                {
                    return false;
                }

                reply = RedisReply.Error(error.ToArray());
                return true;
            case (byte)':':
                if (!TryReadNumber(ref reader, out var integer))
                {
                    return false;
                }

                reply = RedisReply.FromInteger(integer);
                return true;
            case (byte)'$':
                return TryReadBulk(ref reader, out reply);
            case (byte)'*':
                return TryReadArray(ref reader, depth, out reply);
            default:
                throw new RedisProtocolException($"Unexpected RESP type byte 0x{prefix:X2}.");
        }
    }

    private static bool TryReadBulk(ref SequenceReader<byte> reader, out RedisReply reply)
    {
        reply = RedisReply.Null;
        if (!TryReadNumber(ref reader, out var length))
        {
            return false;
        }

        if (length == -1)
        {
            return true;
        }

        if (length is < 0 or > MaxBulkLength)
        {
            throw new RedisProtocolException($"Invalid bulk string length {length}.");
        }

        if (reader.Remaining < length + 2)
        {
            return false;
        }

        var data = new byte[length];
        reader.TryCopyTo(data);
        reader.Advance(length);
        if (!reader.IsNext("\r\n"u8, advancePast: true))
        {
            throw new RedisProtocolException("Bulk string is not terminated by CRLF.");
        }

        reply = RedisReply.BulkString(data);
        return true;
    }

    private static bool TryReadArray(ref SequenceReader<byte> reader, int depth, out RedisReply reply)
    {
        reply = RedisReply.Null;
        if (!TryReadNumber(ref reader, out var count))
        {
            return false;
        }

        if (count == -1)
        {
            return true;
        }

        if (count is < 0 or > MaxBulkLength || depth >= MaxNesting)
        {
            throw new RedisProtocolException($"Invalid array header (count {count}, depth {depth}).");
        }

        // Each element takes at least 3 bytes, so a count beyond the buffered bytes cannot be complete yet;
        // checking first keeps a hostile count from allocating a huge array.
        if (count * 3 > reader.Remaining)
        {
            return false;
        }

        var elements = new RedisReply[count];
        for (var i = 0; i < elements.Length; i++)
        {
            if (!TryReadValue(ref reader, depth + 1, out elements[i]))
            {
                return false;
            }
        }

        reply = RedisReply.Array(elements);
        return true;
    }

    private static bool TryReadLine(ref SequenceReader<byte> reader, out ReadOnlySequence<byte> line) =>
        reader.TryReadTo(out line, "\r\n"u8, advancePastDelimiter: true);

    private static bool TryReadNumber(ref SequenceReader<byte> reader, out long value)
    {
        value = 0;
        if (!TryReadLine(ref reader, out var line))
        {
            return false;
        }

        Span<byte> digits = stackalloc byte[24];
        if (line.Length > digits.Length)
        {
            throw new RedisProtocolException("Number in reply is too long.");
        }

        line.CopyTo(digits);
        digits = digits[..(int)line.Length];
        if (!Utf8Parser.TryParse(digits, out value, out var consumed) || consumed != digits.Length)
        {
            throw new RedisProtocolException("Number in reply is not an integer.");
        }

        return true;
    }
}
