using System.Text.Json.Serialization;

namespace MasteryEngine.Grains;

/// <summary>What the grains tell the rest of the platform (the outbound <c>mastery.events</c> stream).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "event_type")]
[JsonDerivedType(typeof(MasteryThresholdReached), MasteryThresholdReached.EventType)]
[JsonDerivedType(typeof(LearningPathRecommended), LearningPathRecommended.EventType)]
[JsonDerivedType(typeof(XapiStatementEmitted), XapiStatementEmitted.EventType)]
[GenerateSerializer, Immutable, Alias("mastery.mastery-domain-event")]
public abstract record MasteryDomainEvent([property: Id(0)] string StudentId, [property: Id(1)] DateTimeOffset OccurredAt);
