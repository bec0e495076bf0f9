namespace MasteryEngine.Grains.Domain.Learning;

/// <summary>The PFA weights of one prediction: per success and failure on the topic and across topics.</summary>
public readonly record struct LogitWeights(double TopicSuccess, double TopicFailure, double OverallSuccess, double OverallFailure);
