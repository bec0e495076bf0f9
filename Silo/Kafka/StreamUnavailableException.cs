using Orleans;

namespace MasteryEngine.Silo.Kafka;

/// <summary>
/// Kafka could not accept the item (the brokers did not acknowledge it in time, or the breaker is open): the item
/// may not have been published, and the caller should retry after <see cref="RetryAfter"/>. The gateway answers
/// 503 with a Retry-After header.
/// </summary>
[GenerateSerializer, Alias("mastery.stream-unavailable")]
public sealed class StreamUnavailableException : Exception
{
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(5);

    public StreamUnavailableException(string message, TimeSpan retryAfter, Exception? innerException = null)
        : base(message, innerException)
    {
        RetryAfter = retryAfter;
    }

    public StreamUnavailableException() : this("Kafka is unavailable.") { }

    public StreamUnavailableException(string message) : this(message, DefaultRetryAfter) { }

    public StreamUnavailableException(string message, Exception innerException) : this(message, DefaultRetryAfter, innerException) { }

    [Id(0)]
    public TimeSpan RetryAfter { get; private set; }
}
