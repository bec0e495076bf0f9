namespace MasteryEngine.Silo.Kafka;

/// <summary>The <c>__connect.errors.reason</c> header values of dead-lettered messages (also a metric label).</summary>
public static class DeadLetterReasons
{
    /// <summary>No value, invalid UTF-8, not JSON, or JSON that is not a learning event object.</summary>
    public const string InvalidJson = "invalid_json";

    /// <summary>A learning event whose fields or data the domain rejects.</summary>
    public const string ValidationFailed = "validation_failed";

    public const string UnknownEventType = "unknown_event_type";

    /// <summary>Older than the idempotency window (<c>IDEMPOTENCY_WINDOW_DAYS</c>): refused rather than risk applying it twice.</summary>
    public const string Stale = "stale";

    /// <summary>The value is larger than <see cref="KafkaOptions.MaxEventBytes"/>.</summary>
    public const string MessageTooLarge = "message_too_large";

    /// <summary>Applying the event kept failing for a reason that retrying does not fix.</summary>
    public const string ProcessingFailed = "processing_failed";
}
