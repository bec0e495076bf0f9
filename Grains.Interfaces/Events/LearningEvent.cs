using System.Text.Json;

namespace MasteryEngine.Grains;

/// <summary>
/// Something a student did, as the exercise, quiz and review services report it (JSON in snake_case).
/// <paramref name="Data"/> is kept as JSON: its shape depends on <paramref name="EventType"/> and is checked
/// by the domain before anything is applied.
/// </summary>
public sealed record LearningEvent(
    string EventType,
    string StudentId,
    string EventId,
    DateTimeOffset Timestamp,
    string? Topic,
    string? CohortId,
    JsonElement Data);
