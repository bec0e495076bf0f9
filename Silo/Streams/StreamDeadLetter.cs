using MasteryEngine.Runtime.Streams;

namespace MasteryEngine.Silo.Streams;

/// <summary>An item a subscriber failed to process on every attempt; kept for inspection instead of being lost.</summary>
public sealed record StreamDeadLetter(
    StreamId StreamId,
    object Item,
    string Subscriber,
    int Attempts,
    Exception Error,
    DateTimeOffset FailedAt);
