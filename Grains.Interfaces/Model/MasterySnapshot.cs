namespace MasteryEngine.Grains;

/// <summary>The mastery at the end of one day (the last calculation that day).</summary>
public sealed record MasterySnapshot(DateOnly Date, double MasteryScore, MasteryLevel Level, ComponentScores Components);
