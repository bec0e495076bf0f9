namespace MasteryEngine.Grains;

/// <summary>How answers moved an item: changes add up, so one can stand for many answers.</summary>
[GenerateSerializer, Immutable, Alias("mastery.item-estimate-change")]
public sealed record ItemEstimateChange([property: Id(0)] double Difficulty, [property: Id(1)] double Information, [property: Id(2)] long Responses);
