using System.Text.Json;

namespace MasteryEngine.Grains;

/// <summary>
/// Something a student did, as the exercise, quiz and review services report it (JSON in snake_case).
/// <paramref name="Data"/> is kept as JSON: its shape depends on <paramref name="EventType"/> and is checked
/// by the domain before anything is applied.
/// </summary>
[GenerateSerializer, Immutable, Alias("mastery.learning-event")]
public sealed record LearningEvent(
    [property: Id(0)] string EventType,
    [property: Id(1)] string StudentId,
    [property: Id(2)] string EventId,
    [property: Id(3)] DateTimeOffset Timestamp,
    [property: Id(4)] string? Topic,
    [property: Id(5)] string? CohortId,
    [property: Id(6)] JsonElement Data);
