namespace MasteryEngine.Gateway.Contracts;

/// <summary>The event was handed to the learning-event stream; the student's grain applies it shortly.</summary>
public sealed record IngestAccepted(string EventId, string StudentId, string EventType, string Status);
