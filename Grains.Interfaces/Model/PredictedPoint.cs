namespace MasteryEngine.Grains;

[GenerateSerializer, Immutable, Alias("mastery.predicted-point")]
public sealed record PredictedPoint([property: Id(0)] DateOnly Date, [property: Id(1)] double PredictedMastery);
