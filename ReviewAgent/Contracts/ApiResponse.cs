namespace MasteryEngine.ReviewAgent.Contracts;

/// <summary>The success envelope the Mastery Engine uses too: <c>{"success": true, "data": ...}</c>.</summary>
public sealed record ApiResponse<T>(bool Success, T Data);
