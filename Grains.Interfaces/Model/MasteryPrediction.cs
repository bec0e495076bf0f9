namespace MasteryEngine.Grains;

/// <summary>A trajectory for the next <paramref name="TimeframeDays"/> days.</summary>
/// <param name="Confidence">In [0, 1]; 0 when <paramref name="InsufficientHistory"/>.</param>
/// <param name="Message">Why the confidence is what it is, for a person to read.</param>
[GenerateSerializer, Immutable, Alias("mastery.mastery-prediction")]
public sealed record MasteryPrediction(
    [property: Id(0)] string StudentId,
    [property: Id(1)] int TimeframeDays,
    [property: Id(2)] double CurrentMastery,
    [property: Id(3)] double PredictedMastery,
    [property: Id(4)] MasteryLevel PredictedLevel,
    [property: Id(5)] double Confidence,
    [property: Id(6)] bool InsufficientHistory,
    [property: Id(7)] IReadOnlyList<PredictedPoint> Trajectory,
    [property: Id(8)] string Message);
