namespace MasteryEngine.Silo.Kafka;

/// <summary>A message that can never be processed; it goes to the dead-letter topic with <see cref="Reason"/>.</summary>
public sealed class PoisonMessageException : Exception
{
    public PoisonMessageException(string reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
    }

    public PoisonMessageException() : this(DeadLetterReasons.ProcessingFailed, "The message cannot be processed.") { }

    public PoisonMessageException(string message) : this(DeadLetterReasons.ProcessingFailed, message) { }

    public PoisonMessageException(string message, Exception innerException)
        : this(DeadLetterReasons.ProcessingFailed, message, innerException) { }

    /// <summary>One of <see cref="DeadLetterReasons"/>.</summary>
    public string Reason { get; }
}
