namespace MasteryEngine.Gateway.Contracts;

/// <param name="Components">The scores to set; without them the mastery is recalculated from the student's state.</param>
public sealed record MasteryCalculateRequest(string? StudentId, ComponentScoresInput? Components) : IStudentRequest;
