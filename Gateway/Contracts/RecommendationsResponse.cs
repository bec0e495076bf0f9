using MasteryEngine.Grains;

namespace MasteryEngine.Gateway.Contracts;

public sealed record RecommendationsResponse(string StudentId, IReadOnlyList<Recommendation> Recommendations);
