using System.Text.Json;
using Confluent.Kafka;
using MasteryEngine.ReviewAgent.Contracts;
using MasteryEngine.ReviewAgent.Feed;
using MasteryEngine.ReviewAgent.Options;
using Microsoft.Extensions.Options;

namespace MasteryEngine.ReviewAgent.Kafka;

/// <summary>Produces the quality event to <c>mastery.requests</c>, keyed by the student id as the Mastery Engine's consumer expects.</summary>
public sealed class KafkaQualityEventSink(KafkaProducerConnection connection, IOptions<KafkaOptions> options) : IQualityEventSink
{
    public string Via => "kafka";

    public async Task SendAsync(QualityLearningEvent learningEvent, CancellationToken cancellationToken)
    {
        try
        {
            await connection.Producer.ProduceAsync(
                options.Value.MasteryTopic,
                new Message<string, byte[]>
                {
                    Key = learningEvent.StudentId,
                    Value = JsonSerializer.SerializeToUtf8Bytes(learningEvent, ReviewJsonContext.Default.QualityLearningEvent),
                },
                cancellationToken);
        }
        catch (KafkaException exception)
        {
            throw new QualityEventNotDeliveredException(
                $"Quality event {learningEvent.EventId} was not accepted by Kafka topic {options.Value.MasteryTopic}: {exception.Error.Reason}", permanent: false, exception);
        }
    }
}
