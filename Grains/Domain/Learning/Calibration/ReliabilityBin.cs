namespace MasteryEngine.Grains.Domain.Learning.Calibration;

/// <summary>One row of a reliability table: the predictions in [Lower, Upper), their mean and the observed share correct.</summary>
public sealed record ReliabilityBin(double Lower, double Upper, long Count, double MeanPredicted, double ObservedCorrect);
