namespace MasteryEngine.Runtime.Streams;

/// <summary>
/// The stream provider could not accept the item (e.g. the Kafka brokers did not acknowledge it in time): the item
/// may not have been published, and the caller should retry after <see cref="RetryAfter"/>. The gateway answers
/// 503 with a Retry-After header.
/// </summary>
public sealed class StreamUnavailableException : Exception
{
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(5);

    public StreamUnavailableException(string message, TimeSpan retryAfter, Exception? innerException = null)
        : base(message, innerException)
    {
        RetryAfter = retryAfter;
    }

    public StreamUnavailableException() : this("The stream provider is unavailable.") { }

    public StreamUnavailableException(string message) : this(message, DefaultRetryAfter) { }

    public StreamUnavailableException(string message, Exception innerException) : this(message, DefaultRetryAfter, innerException) { }

    public TimeSpan RetryAfter { get; }
}
