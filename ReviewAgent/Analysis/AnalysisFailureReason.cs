namespace MasteryEngine.ReviewAgent.Analysis;

/// <summary>Why a program could not be assessed; the values are the problem details' and dead letters' <c>reason</c>.</summary>
public static class AnalysisFailureReason
{
    public const string Timeout = "analysis_timeout";
    public const string ResourceLimit = "analysis_resource_limit";
    public const string AnalyserFailed = "analyser_failed";
}
