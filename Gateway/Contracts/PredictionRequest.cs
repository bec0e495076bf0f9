namespace MasteryEngine.Gateway.Contracts;

/// <param name="TimeframeDays">1..30, 7 when absent.</param>
public sealed record PredictionRequest(string? StudentId, int? TimeframeDays) : IStudentRequest;
