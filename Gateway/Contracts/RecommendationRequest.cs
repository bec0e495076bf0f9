namespace MasteryEngine.Gateway.Contracts;

/// <param name="Limit">1..50, 5 when absent.</param>
/// <param name="Priority">high, medium or low: only recommendations of that priority.</param>
public sealed record RecommendationRequest(string? StudentId, int? Limit, string? Priority) : IStudentRequest;
