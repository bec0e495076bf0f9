namespace MasteryEngine.Gateway.Contracts;

/// <summary>The items a tutor could give next (<c>/recommendations/practice</c>), at most <see cref="MaxCandidates"/>.</summary>
public sealed record PracticeRequest(string? StudentId, IReadOnlyList<PracticeCandidateInput>? Candidates, int? Limit) : IStudentRequest
{
    public const int MaxCandidates = 200;
}
