namespace MasteryEngine.Grains;

/// <summary>The outcome of applying one learning event.</summary>
/// <param name="Applied">False when the event id had already been applied: nothing changed.</param>
[GenerateSerializer, Immutable, Alias("mastery.event-apply-result")]
public sealed record EventApplyResult([property: Id(0)] string StudentId, [property: Id(1)] string EventId, [property: Id(2)] bool Applied, [property: Id(3)] double MasteryScore, [property: Id(4)] MasteryLevel Level);
