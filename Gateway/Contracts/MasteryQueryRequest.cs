namespace MasteryEngine.Gateway.Contracts;

/// <param name="IncludeComponents">Whether to return components and breakdown; true when absent.</param>
public sealed record MasteryQueryRequest(string? StudentId, bool? IncludeComponents) : IStudentRequest;
