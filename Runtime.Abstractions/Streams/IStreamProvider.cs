namespace MasteryEngine.Runtime.Streams;

public interface IStreamProvider
{
    IAsyncStream<T> GetStream<T>(StreamId streamId);
}
