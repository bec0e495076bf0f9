using System.Text.Json;

namespace MasteryEngine.ReviewAgent.Contracts;

/// <summary>
/// The service-invocation body of the runbook: <c>{"intent": "quality_assessment", "payload": {...}}</c>, or the
/// assessment's fields beside the intent, as the runbook's own example sends them.
/// </summary>
public sealed record ProcessRequest(
    string? Intent,
    JsonElement? Payload,
    string? StudentId,
    string? StudentCode,
    ProblemContext? ProblemContext,
    string? SubmissionId);
