namespace MasteryEngine.Runtime.Streams;

/// <summary>
/// One stream of a provider. Items published to one stream are delivered in the order published;
/// <see cref="OnNextAsync"/> completes when the provider has accepted the item (in process: queued;
/// Kafka: acknowledged by the broker).
/// </summary>
public interface IAsyncStream<T>
{
    StreamId StreamId { get; }

    Task OnNextAsync(T item, CancellationToken cancellationToken = default);
}
