namespace MasteryEngine.Grains;

public sealed record PredictedPoint(DateOnly Date, double PredictedMastery);
