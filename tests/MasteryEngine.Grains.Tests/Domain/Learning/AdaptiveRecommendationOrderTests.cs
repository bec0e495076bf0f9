using MasteryEngine.Grains.Domain.Learning;

namespace MasteryEngine.Grains.Tests.Domain.Learning;

public sealed class AdaptiveRecommendationOrderTests
{
    private static readonly Recommendation[] SeedOrder =
    [
        new(MasteryComponent.Completion, null, RecommendationPriority.High, "complete", 0.40),
        new(null, "easy", RecommendationPriority.High, "revisit easy", 0.20),
        new(null, "fresh", RecommendationPriority.High, "revisit fresh", 0.19),
        new(null, "hard", RecommendationPriority.Medium, "revisit hard", 0.08),
        new(null, "decayed", RecommendationPriority.Medium, "revisit decayed", 0.07),
        new(null, "unanswered", RecommendationPriority.Low, "revisit unanswered", 0.04),
        new(MasteryComponent.Consistency, null, RecommendationPriority.Low, "practise daily", 0.03),
    ];

    private static readonly Dictionary<string, PracticeCandidate> Known = new(StringComparer.Ordinal)
    {
        ["easy"] = new("easy", "easy", 0.95, 0),
        ["fresh"] = new("fresh", "fresh", 0.70, 0),
        ["hard"] = new("hard", "hard", 0.30, 0),
        ["decayed"] = new("decayed", "decayed", 0.62, 0.12),
    };

    private static string[] Order(IReadOnlyList<Recommendation> ranked) =>
        [.. ranked.Select(r => r.Topic ?? r.Component!.Value.ToString())];

    [Fact]
    public void Topics_in_the_success_band_come_first_the_decayed_one_ahead_then_the_seed_order()
    {
        var ranked = AdaptiveRecommendationOrder.Apply(SeedOrder, Known, 0.6, 0.8);

        Assert.Equal(["decayed", "fresh", "Completion", "easy", "hard", "unanswered", "Consistency"], Order(ranked));
    }

    [Fact]
    public void Known_topics_carry_their_knowledge_band_and_decay_and_the_seed_fields_are_kept()
    {
        var ranked = AdaptiveRecommendationOrder.Apply(SeedOrder, Known, 0.6, 0.8).ToDictionary(r => r.Topic ?? r.Component!.Value.ToString());

        Assert.Equal((0.62, true, 0.12), (ranked["decayed"].Knowledge, ranked["decayed"].InSuccessBand, ranked["decayed"].KnowledgeDecay));
        Assert.Equal((0.95, false), (ranked["easy"].Knowledge, ranked["easy"].InSuccessBand));
        Assert.Equal(SeedOrder[4] with { Knowledge = 0.62, InSuccessBand = true, KnowledgeDecay = 0.12 }, ranked["decayed"]);
        Assert.Null(ranked["unanswered"].Knowledge);
        Assert.Null(ranked["Completion"].InSuccessBand);
    }

    [Theory]
    [InlineData(0.9, 1.0, new[] { "easy", "Completion", "fresh", "hard", "decayed", "unanswered", "Consistency" })]
    [InlineData(0.2, 0.4, new[] { "hard", "Completion", "easy", "fresh", "decayed", "unanswered", "Consistency" })]
    public void The_band_decides_which_topics_come_first(double low, double high, string[] expected)
    {
        Assert.Equal(expected, Order(AdaptiveRecommendationOrder.Apply(SeedOrder, Known, low, high)));
    }

    [Fact]
    public void Without_answers_the_seed_ranking_is_returned_as_it_is()
    {
        Assert.Same(SeedOrder, AdaptiveRecommendationOrder.Apply(SeedOrder, new Dictionary<string, PracticeCandidate>(), 0.6, 0.8));
    }
}
