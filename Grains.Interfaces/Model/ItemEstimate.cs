namespace MasteryEngine.Grains;

/// <summary>
/// An item's difficulty (logit scale, relative to its topic), the information gathered about it and the answers
/// it has seen, across all students. Holds no student data.
/// </summary>
[GenerateSerializer, Immutable, Alias("mastery.item-estimate")]
public sealed record ItemEstimate([property: Id(0)] double Difficulty, [property: Id(1)] double Information, [property: Id(2)] long Responses);
