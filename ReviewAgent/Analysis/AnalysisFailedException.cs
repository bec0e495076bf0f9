namespace MasteryEngine.ReviewAgent.Analysis;

/// <summary>
/// The program could not be analysed within the sandbox's limits (or an analyser broke on it). It is the
/// submission's problem, not a passing one: the API answers 422 and the Kafka consumer dead-letters it.
/// </summary>
public sealed class AnalysisFailedException(string reason, string message) : Exception(message)
{
    public string Reason { get; } = reason;
}
