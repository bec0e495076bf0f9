using Confluent.Kafka;
using MasteryEngine.Grains;

namespace MasteryEngine.Silo.Kafka;

/// <summary>A consumed message after reading: a learning event (or calculation request) to apply, or a rejection.</summary>
internal sealed record InboundMessage(
    ConsumeResult<byte[]?, byte[]?> Source,
    LearningEvent? Event,
    ComponentScores? RequestedComponents,
    PoisonMessageException? Rejection)
{
    /// <summary>Messages with the same lane key are processed one after another, in offset order.</summary>
    public string LaneKey => Event?.StudentId ?? "";

    /// <summary>A learning event, which may be applied together with the student's next ones (one state write).</summary>
    public bool CanShareWrite => Event is not null && Event.EventType != LearningEventTypes.CalculationRequested;
}
