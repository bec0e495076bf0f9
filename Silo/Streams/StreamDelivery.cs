using MasteryEngine.Runtime.Streams;

namespace MasteryEngine.Silo.Streams;

/// <summary>One published item and the subscribers it goes to, waiting in a shard queue.</summary>
internal sealed record StreamDelivery(StreamId StreamId, object Item, StreamSubscriber[] Subscribers);
