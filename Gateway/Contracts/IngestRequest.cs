using System.Text.Json;

namespace MasteryEngine.Gateway.Contracts;

/// <summary>A learning event as posted to <c>/mastery/ingest</c>; <c>event_id</c> and <c>timestamp</c> are filled in when absent.</summary>
public sealed record IngestRequest(
    string? EventType,
    string? StudentId,
    string? EventId,
    DateTimeOffset? Timestamp,
    string? Topic,
    string? CohortId,
    JsonElement? Data) : IStudentRequest;
