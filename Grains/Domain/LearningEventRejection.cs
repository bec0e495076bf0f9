namespace MasteryEngine.Grains.Domain;

/// <summary>
/// Why a learning event was refused: <see cref="Reason"/> is a stable machine code (the HTTP 400's <c>reason</c>,
/// the dead-letter record's reason), <see cref="Message"/> tells a person what to fix.
/// </summary>
[GenerateSerializer, Immutable, Alias("mastery.learning-event-rejection")]
public sealed record LearningEventRejection([property: Id(0)] string Reason, [property: Id(1)] string Message)
{
    public const string UnknownEventType = "unknown_event_type";
    public const string InvalidStudentId = "invalid_student_id";
    public const string MissingEventId = "missing_event_id";
    public const string InvalidEventId = "invalid_event_id";
    public const string InvalidTopic = "invalid_topic";
    public const string InvalidCohortId = "invalid_cohort_id";
    public const string InvalidData = "invalid_data";

    /// <summary>Older than the idempotency window: it may have been applied already, and that can no longer be checked.</summary>
    public const string Stale = "stale";
}
