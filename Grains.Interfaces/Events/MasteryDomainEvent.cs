using System.Text.Json.Serialization;

namespace MasteryEngine.Grains;

/// <summary>What the grains tell the rest of the platform (the outbound <c>mastery.events</c> stream).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "event_type")]
[JsonDerivedType(typeof(MasteryThresholdReached), MasteryThresholdReached.EventType)]
[JsonDerivedType(typeof(LearningPathRecommended), LearningPathRecommended.EventType)]
public abstract record MasteryDomainEvent(string StudentId, DateTimeOffset OccurredAt);
