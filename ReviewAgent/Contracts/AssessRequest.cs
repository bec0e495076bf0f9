namespace MasteryEngine.ReviewAgent.Contracts;

/// <summary>
/// The body of <c>POST /review/assess</c> and the value of a <c>review.requests</c> message.
/// <paramref name="SubmissionId"/> is optional: when given, it identifies the submission (retries of it feed the
/// Mastery Engine once); otherwise the code itself does.
/// </summary>
public sealed record AssessRequest(string? StudentId, string? StudentCode, ProblemContext? ProblemContext, string? SubmissionId);
