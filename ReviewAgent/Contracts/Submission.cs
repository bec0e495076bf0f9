namespace MasteryEngine.ReviewAgent.Contracts;

/// <summary>A validated request to assess: every field present and within the limits.</summary>
public sealed record Submission(string StudentId, string Code, string Language, string ProblemId, string? SubmissionId);
