namespace MasteryEngine.Grains;

/// <summary>The mastery at the end of one day (the last calculation that day).</summary>
[GenerateSerializer, Immutable, Alias("mastery.mastery-snapshot")]
public sealed record MasterySnapshot([property: Id(0)] DateOnly Date, [property: Id(1)] double MasteryScore, [property: Id(2)] MasteryLevel Level, [property: Id(3)] ComponentScores Components);
