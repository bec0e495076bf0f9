using System.Buffers;
using System.Text;
using MasteryEngine.Silo.Redis.Client;

namespace MasteryEngine.Redis.Tests;

public class RespReaderTests
{
    public static TheoryData<string, RedisReplyType, string> Replies => new()
    {
        { "+OK\r\n", RedisReplyType.SimpleString, "OK" },
        { "+\r\n", RedisReplyType.SimpleString, "" },
        { "-ERR unknown command 'FOO'\r\n", RedisReplyType.Error, "(error) ERR unknown command 'FOO'" },
        { ":0\r\n", RedisReplyType.Number, "0" },
        { ":-42\r\n", RedisReplyType.Number, "-42" },
        { ":9223372036854775807\r\n", RedisReplyType.Number, "9223372036854775807" },
        { "$5\r\nhello\r\n", RedisReplyType.BulkString, "hello" },
        { "$0\r\n\r\n", RedisReplyType.BulkString, "" },
        { "$7\r\na\r\nb\r\nc\r\n", RedisReplyType.BulkString, "a\r\nb\r\nc" },
        { "$-1\r\n", RedisReplyType.Null, "(nil)" },
        { "*-1\r\n", RedisReplyType.Null, "(nil)" },
        { "*0\r\n", RedisReplyType.Array, "[]" },
        { "*3\r\n:1\r\n$3\r\nfoo\r\n$-1\r\n", RedisReplyType.Array, "[1, foo, (nil)]" },
        { "*2\r\n*2\r\n+a\r\n:2\r\n*1\r\n*0\r\n", RedisReplyType.Array, "[[a, 2], [[]]]" },
        { "*2\r\n-WRONGTYPE no\r\n*-1\r\n", RedisReplyType.Array, "[(error) WRONGTYPE no, (nil)]" },
    };

    [Theory]
    [MemberData(nameof(Replies))]
    public void Every_reply_kind_is_parsed(string wire, RedisReplyType type, string text)
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(wire)));

        Assert.True(RespReader.TryRead(ref reader, out var reply));

        Assert.Equal(type, reply.Type);
        Assert.Equal(text, reply.ToString());
        Assert.Equal(0, reader.Remaining);
    }

    public static TheoryData<string> Wires => new(Replies.Select(row => (string)row[0]));

    [Theory]
    [MemberData(nameof(Wires))]
    public void A_reply_cut_at_any_byte_is_incomplete_until_its_last_byte_arrives(string wire)
    {
        var bytes = Encoding.UTF8.GetBytes(wire);
        for (var cut = 0; cut < bytes.Length; cut++)
        {
            var partial = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes, 0, cut));
            Assert.False(RespReader.TryRead(ref partial, out _), $"parsed with only {cut} of {bytes.Length} bytes");
            Assert.Equal(0, partial.Consumed);
        }
    }

    [Theory]
    [MemberData(nameof(Replies))]
    public void A_reply_split_across_reads_at_any_byte_parses_whole(string wire, RedisReplyType type, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(wire);
        for (var split = 0; split <= bytes.Length; split++)
        {
            var reader = new SequenceReader<byte>(TwoSegments(bytes, split));

            Assert.True(RespReader.TryRead(ref reader, out var reply), $"split at {split}");

            Assert.Equal(type, reply.Type);
            Assert.Equal(text, reply.ToString());
        }
    }

    [Fact]
    public void Pipelined_replies_are_read_one_after_another_and_a_partial_tail_waits()
    {
        var bytes = Encoding.UTF8.GetBytes("+OK\r\n:5\r\n$3\r\nabc\r\n*2\r\n:1\r\n");
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));
        var replies = new List<string>();

        while (RespReader.TryRead(ref reader, out var reply))
        {
            replies.Add(reply.ToString());
        }

        Assert.Equal(["OK", "5", "abc"], replies);
        Assert.Equal("*2\r\n:1\r\n", Encoding.UTF8.GetString(reader.UnreadSequence));
    }

    [Theory]
    [InlineData("!3\r\nabc\r\n")]
    [InlineData(":12x\r\n")]
    [InlineData("$3\r\nabcde\r\n")]
    [InlineData("$-5\r\n")]
    [InlineData("*-2\r\n")]
    public void Bytes_that_are_not_resp2_are_a_protocol_error(string wire)
    {
        var bytes = Encoding.UTF8.GetBytes(wire);

        Assert.Throws<RedisProtocolException>(() =>
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));
            RespReader.TryRead(ref reader, out _);
        });
    }

    [Fact]
    public void Commands_are_encoded_as_arrays_of_bulk_strings()
    {
        var command = RedisCommand.Create("SET", "key", "välue", 42L);

        Assert.Equal("*4\r\n$3\r\nSET\r\n$3\r\nkey\r\n$6\r\nvälue\r\n$2\r\n42\r\n", Encoding.UTF8.GetString(command.Payload.Span));
        Assert.Equal("SET", command.Name);
    }

    private static ReadOnlySequence<byte> TwoSegments(byte[] bytes, int split)
    {
        var first = new Segment(bytes.AsMemory(0, split), 0);
        var second = first.Append(bytes.AsMemory(split));
        return new ReadOnlySequence<byte>(first, 0, second, second.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
