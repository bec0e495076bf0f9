namespace MasteryEngine.ReviewAgent.Analysis;

/// <summary>No analyser slot came free in time: the service is overloaded, and the caller may retry later.</summary>
public sealed class AnalysisBusyException(TimeSpan waited)
    : Exception($"No analyser slot came free within {waited.TotalSeconds:0} s.");
