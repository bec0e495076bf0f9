namespace MasteryEngine.Gateway.Contracts;

/// <summary>Which student, item and topic <c>/mastery/predict-answer</c> is asked about.</summary>
public sealed record PredictAnswerRequest(string? StudentId, string? ItemId, string? Topic) : IStudentRequest;
