using System.Text;
using Confluent.Kafka;
using MasteryEngine.Grains;
using MasteryEngine.Silo.Kafka;
using MasteryEngine.Testing;

namespace MasteryEngine.Kafka.Tests;

public sealed class LearningEventReaderTests
{
    private static readonly ManualTimeProvider Clock = new();
    private static readonly LearningEventReader Reader = new(maxEventBytes: 1024, Clock);

    [Theory]
    [InlineData("""{"event_type":"quality","student_id":"s1","event_id":"e1","timestamp":"2026-11-01T10:00:00Z","data":{"score":0.5}}""", "e1")]
    [InlineData("""{"event_type":"quality","student_id":"s1","data":{"score":0.5}}""", "kafka:mastery.requests:3:42")]
    [InlineData("""{"event_type":"quality","student_id":"s1","event_id":"","data":{"score":0.5}}""", "kafka:mastery.requests:3:42")]
    public void The_event_id_is_kept_or_derived_from_topic_partition_and_offset(string json, string expectedEventId)
    {
        var first = Reader.Read(Message(json));
        var redelivered = Reader.Read(Message(json));

        Assert.Null(first.Rejection);
        Assert.Equal(expectedEventId, first.Event!.EventId);
        Assert.Equal(first.Event.EventId, redelivered.Event!.EventId);
    }

    [Fact]
    public void A_missing_timestamp_is_the_message_timestamp()
    {
        var sent = new DateTimeOffset(2026, 11, 3, 8, 30, 0, TimeSpan.Zero);

        var read = Reader.Read(Message("""{"event_type":"quiz","student_id":"s1","data":{"score":1,"max_score":2}}""", new Timestamp(sent)));

        Assert.Equal(sent, read.Event!.Timestamp);
    }

    [Theory]
    [InlineData("", DeadLetterReasons.InvalidJson)]
    [InlineData("null", DeadLetterReasons.InvalidJson)]
    [InlineData("\"text\"", DeadLetterReasons.InvalidJson)]
    [InlineData("""{"event_type":"quiz","student_id":42,"data":{}}""", DeadLetterReasons.InvalidJson)]
    [InlineData("""{"event_type":"quiz","student_id":"s1","timestamp":"yesterday","data":{}}""", DeadLetterReasons.InvalidJson)]
    [InlineData("""{"student_id":"s1","data":{}}""", DeadLetterReasons.ValidationFailed)]
    [InlineData("""{"event_type":"quiz","student_id":"  ","data":{}}""", DeadLetterReasons.ValidationFailed)]
    [InlineData("""{"event_type":"quiz","student_id":"s1"}""", DeadLetterReasons.ValidationFailed)]
    [InlineData("""{"event_type":"mastery.calculation.requested","student_id":"s1","data":{"components":{"completion":2}}}""", DeadLetterReasons.ValidationFailed)]
    [InlineData("""{"event_type":"badge.earned","student_id":"s1","data":{}}""", DeadLetterReasons.UnknownEventType)]
    [InlineData("""{"event_type":"quiz","student_id":"s1","data":{"score":3,"max_score":2}}""", DeadLetterReasons.ValidationFailed)]
    [InlineData("""{"event_type":"completion","student_id":"s1","data":{"total_exercises":"ten","completed_exercises":1}}""", DeadLetterReasons.ValidationFailed)]
    [InlineData("""{"event_type":"quality","student_id":"bad id with spaces","data":{"score":0.5}}""", DeadLetterReasons.ValidationFailed)]
    public void Unprocessable_values_are_rejected_with_a_reason(string json, string reason)
    {
        var read = Reader.Read(Message(json));

        Assert.Null(read.Event);
        Assert.Equal(reason, read.Rejection!.Reason);
    }

    [Fact]
    public void Invalid_utf8_is_rejected_even_where_the_json_reader_would_skip_it()
    {
        var message = Message("");
        message.Message.Value = [.. "{\"event_type\":\"quiz\",\"student_id\":\"s1\",\"data\":{},\"x"u8, 0xFF, .. "\":1}"u8];

        var read = Reader.Read(message);

        Assert.Equal(DeadLetterReasons.InvalidJson, read.Rejection!.Reason);
    }

    [Fact]
    public void A_value_over_the_limit_is_rejected_without_parsing()
    {
        var read = Reader.Read(Message("{" + new string(' ', 2000) + "}"));

        Assert.Equal(DeadLetterReasons.MessageTooLarge, read.Rejection!.Reason);
    }

    [Fact]
    public void A_calculation_request_carries_its_components()
    {
        var read = Reader.Read(Message("""{"event_type":"mastery.calculation.requested","student_id":"s1","data":{"components":{"completion":0.9,"quiz":0.8,"quality":0.7,"consistency":0.6}}}"""));

        Assert.Equal(new ComponentScores(0.9, 0.8, 0.7, 0.6), read.RequestedComponents);
        Assert.Equal("s1", read.LaneKey);
    }

    private static ConsumeResult<byte[]?, byte[]?> Message(string value, Timestamp? timestamp = null) => new()
    {
        Topic = "mastery.requests",
        Partition = new Partition(3),
        Offset = new Offset(42),
        Message = new Message<byte[]?, byte[]?>
        {
            Key = Encoding.UTF8.GetBytes("s1"),
            Value = Encoding.UTF8.GetBytes(value),
            Timestamp = timestamp ?? Timestamp.Default,
        },
    };
}
