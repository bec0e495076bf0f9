using MasteryEngine.Runtime.Streams;

namespace MasteryEngine.Silo.Streams;

internal sealed class InProcessStream<T>(InProcessStreamProvider provider, StreamId streamId) : IAsyncStream<T>
{
    public StreamId StreamId { get; } = streamId;

    public Task OnNextAsync(T item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        return provider.PublishAsync(StreamId, item, cancellationToken);
    }
}
