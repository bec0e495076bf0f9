namespace MasteryEngine.Grains;

/// <summary>
/// An xAPI statement the service emits (today: a topic became mastered). <paramref name="Statement"/> is the
/// finished statement JSON, built when the change was made, so a statement published again after a failure is
/// byte for byte the same; on Kafka the message value is the statement itself, not this envelope.
/// </summary>
[GenerateSerializer, Immutable, Alias("mastery.xapi-statement-emitted")]
public sealed record XapiStatementEmitted(
    string StudentId,
    DateTimeOffset OccurredAt,
    [property: Id(0)] string StatementId,
    [property: Id(1)] string Verb,
    [property: Id(2)] string Topic,
    [property: Id(3)] string Statement) : MasteryDomainEvent(StudentId, OccurredAt)
{
    public const string EventType = "xapi.statement";
}
