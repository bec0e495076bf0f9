using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
using Confluent.Kafka;
using MasteryEngine.Grains;
using MasteryEngine.Grains.Domain;
using MasteryEngine.Grains.Serialization;

namespace MasteryEngine.Silo.Kafka;

/// <summary>
/// Turns a consumed message into a learning event or a rejection, never an exception: the consumer must keep
/// going whatever the bytes are. A missing <c>event_id</c> is derived from the message's topic, partition and
/// offset, so a redelivered message is recognised by the grain as the same event.
/// </summary>
internal sealed class LearningEventReader(int maxEventBytes, TimeProvider timeProvider)
{
    private static readonly string[] ComponentNames = ["completion", "quiz", "quality", "consistency"];

    public InboundMessage Read(ConsumeResult<byte[]?, byte[]?> source)
    {
        try
        {
            var learningEvent = Parse(source);
            var components = learningEvent.EventType == LearningEventTypes.CalculationRequested
                ? ReadRequestedComponents(learningEvent.Data)
                : null;
            return new InboundMessage(source, learningEvent, components, null);
        }
        catch (PoisonMessageException rejection)
        {
            return new InboundMessage(source, null, null, rejection);
        }
    }

    private LearningEvent Parse(ConsumeResult<byte[]?, byte[]?> source)
    {
        var value = source.Message.Value;
        if (value is null || value.Length == 0)
        {
            throw new PoisonMessageException(DeadLetterReasons.InvalidJson, "The message has no value.");
        }

        if (value.Length > maxEventBytes)
        {
            throw new PoisonMessageException(DeadLetterReasons.MessageTooLarge,
                $"The message value has {value.Length} bytes; the limit is {maxEventBytes}.");
        }

        // The JSON reader checks UTF-8 only in the strings it decodes; bytes in skipped members would slip through.
        if (!Utf8.IsValid(value))
        {
            throw new PoisonMessageException(DeadLetterReasons.InvalidJson, "The message value is not valid UTF-8.");
        }

        LearningEvent? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(value, MasteryJsonContext.Default.LearningEvent);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            throw new PoisonMessageException(DeadLetterReasons.InvalidJson, "The message value is not a learning event in JSON: " + e.Message, e);
        }

        if (parsed is null)
        {
            throw new PoisonMessageException(DeadLetterReasons.InvalidJson, "The message value is JSON null.");
        }

        if (string.IsNullOrWhiteSpace(parsed.EventType))
        {
            throw new PoisonMessageException(DeadLetterReasons.ValidationFailed, "event_type is required.");
        }

        if (string.IsNullOrWhiteSpace(parsed.StudentId))
        {
            throw new PoisonMessageException(DeadLetterReasons.ValidationFailed, "student_id is required.");
        }

        var learningEvent = parsed with
        {
            EventId = string.IsNullOrWhiteSpace(parsed.EventId) ? DerivedEventId(source) : parsed.EventId,
            Timestamp = parsed.Timestamp == default ? MessageTimestamp(source) : parsed.Timestamp,
        };
        Validate(learningEvent);
        return learningEvent;
    }

    /// <summary>The domain's own check, so that an event the grain would refuse is dead-lettered without a grain call.</summary>
    private static void Validate(LearningEvent learningEvent)
    {
        if (learningEvent.EventType == LearningEventTypes.CalculationRequested)
        {
            return;
        }

        var validation = LearningEventValidator.Validate(learningEvent);
        if (!validation.IsValid)
        {
            var reason = validation.Rejection.Reason == LearningEventRejection.UnknownEventType
                ? DeadLetterReasons.UnknownEventType
                : DeadLetterReasons.ValidationFailed;
            throw new PoisonMessageException(reason, $"{validation.Rejection.Reason}: {validation.Rejection.Message}");
        }
    }

    private static ComponentScores? ReadRequestedComponents(JsonElement data)
    {
        if (data.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return null;
        }

        if (data.ValueKind != JsonValueKind.Object)
        {
            throw new PoisonMessageException(DeadLetterReasons.ValidationFailed, "data must be a JSON object.");
        }

        if (!data.TryGetProperty("components", out var components) || components.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var scores = new double[ComponentNames.Length];
        for (var i = 0; i < ComponentNames.Length; i++)
        {
            if (components.ValueKind != JsonValueKind.Object
                || !components.TryGetProperty(ComponentNames[i], out var score)
                || score.ValueKind != JsonValueKind.Number
                || !score.TryGetDouble(out scores[i])
                || scores[i] is < 0 or > 1)
            {
                throw new PoisonMessageException(DeadLetterReasons.ValidationFailed,
                    $"data.components.{ComponentNames[i]} must be a number between 0 and 1.");
            }
        }

        return new ComponentScores(scores[0], scores[1], scores[2], scores[3]);
    }

    private static string DerivedEventId(ConsumeResult<byte[]?, byte[]?> source) =>
        string.Create(CultureInfo.InvariantCulture, $"kafka:{source.Topic}:{source.Partition.Value}:{source.Offset.Value}");

    private DateTimeOffset MessageTimestamp(ConsumeResult<byte[]?, byte[]?> source) =>
        source.Message.Timestamp.Type == TimestampType.NotAvailable
            ? timeProvider.GetUtcNow()
            : new DateTimeOffset(source.Message.Timestamp.UtcDateTime, TimeSpan.Zero);
}
