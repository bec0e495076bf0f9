namespace MasteryEngine.Grains;

/// <summary>A trajectory for the next <paramref name="TimeframeDays"/> days.</summary>
/// <param name="Confidence">In [0, 1]; 0 when <paramref name="InsufficientHistory"/>.</param>
/// <param name="Message">Why the confidence is what it is, for a person to read.</param>
public sealed record MasteryPrediction(
    string StudentId,
    int TimeframeDays,
    double CurrentMastery,
    double PredictedMastery,
    MasteryLevel PredictedLevel,
    double Confidence,
    bool InsufficientHistory,
    IReadOnlyList<PredictedPoint> Trajectory,
    string Message);
