namespace MasteryEngine.Grains;

/// <summary>An item a tutor could give next, and the topic it practises.</summary>
[GenerateSerializer, Immutable, Alias("mastery.practice-item")]
public sealed record PracticeItem([property: Id(0)] string ItemId, [property: Id(1)] string Topic);
