namespace MasteryEngine.Grains;

/// <summary>The outcome of a committed change: the new mastery and what to announce once it is stored.</summary>
public sealed record MasteryChange(double MasteryScore, MasteryLevel Level, IReadOnlyList<MasteryDomainEvent> Notifications);
