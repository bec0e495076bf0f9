namespace MasteryEngine.Grains.Domain.Learning;

/// <summary>The (decayed) success and failure counts one prediction rests on.</summary>
public readonly record struct LogitEvidence(double TopicSuccesses, double TopicFailures, double OverallSuccesses, double OverallFailures);
