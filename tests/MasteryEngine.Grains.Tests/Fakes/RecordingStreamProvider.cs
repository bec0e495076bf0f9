using System.Collections.Concurrent;
using MasteryEngine.Runtime.Streams;

namespace MasteryEngine.Grains.Tests.Fakes;

/// <summary>Keeps every published item with its stream, in order.</summary>
public sealed class RecordingStreamProvider : IStreamProvider
{
    public ConcurrentQueue<(StreamId Stream, object Item)> Published { get; } = new();

    /// <summary>Set to make every publication fail.</summary>
    public bool Fail { get; set; }

    public IReadOnlyList<T> ItemsOf<T>(StreamId streamId) =>
        [.. Published.Where(p => p.Stream == streamId).Select(p => p.Item).OfType<T>()];

    public IAsyncStream<T> GetStream<T>(StreamId streamId) => new RecordingStream<T>(this, streamId);

    private sealed class RecordingStream<T>(RecordingStreamProvider provider, StreamId streamId) : IAsyncStream<T>
    {
        public StreamId StreamId => streamId;

        public Task OnNextAsync(T item, CancellationToken cancellationToken = default)
        {
            if (provider.Fail)
            {
                throw new InvalidOperationException("Stream down.");
            }

            provider.Published.Enqueue((streamId, item!));
            return Task.CompletedTask;
        }
    }
}
