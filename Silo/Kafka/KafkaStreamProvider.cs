using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MasteryEngine.Grains;
using MasteryEngine.Grains.Serialization;
using MasteryEngine.Runtime.Streams;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Silo.Kafka;

/// <summary>
/// Streams backed by Kafka topics: <c>learning-events</c> go to the requests topic and <c>mastery-events</c> to the
/// events topic, keyed by the stream key (the student id), as the wire JSON.
/// </summary>
public sealed class KafkaStreamProvider(KafkaProducerConnection producer, IOptions<KafkaOptions> options) : IStreamProvider
{
    public IAsyncStream<T> GetStream<T>(StreamId streamId)
    {
        var topic = streamId.Namespace switch
        {
            StreamNamespaces.LearningEvents => options.Value.RequestsTopic,
            StreamNamespaces.MasteryEvents => options.Value.EventsTopic,
            _ => throw new ArgumentException(
                $"Stream namespace '{streamId.Namespace}' has no Kafka topic; known: {StreamNamespaces.LearningEvents}, {StreamNamespaces.MasteryEvents}.",
                nameof(streamId)),
        };
        return new KafkaStream<T>(streamId, topic, SerializerFor<T>(), producer);
    }

    private static Func<T, byte[]> SerializerFor<T>()
    {
        // A grain may publish a concrete milestone type; it is written as the polymorphic base so the
        // event_type discriminator is on the wire.
        if (typeof(MasteryDomainEvent).IsAssignableFrom(typeof(T)))
        {
            return item => JsonSerializer.SerializeToUtf8Bytes((MasteryDomainEvent)(object)item!, MasteryJsonContext.Default.MasteryDomainEvent);
        }

        var typeInfo = MasteryJsonContext.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
            ?? throw new NotSupportedException($"{typeof(T).Name} is not part of the wire JSON (MasteryJsonContext).");
        return item => JsonSerializer.SerializeToUtf8Bytes(item, typeInfo);
    }
}
