using MasteryEngine.Grains;

namespace MasteryEngine.Gateway.Contracts;

public sealed record PracticeResponse(string StudentId, IReadOnlyList<PracticeRecommendation> Items);
