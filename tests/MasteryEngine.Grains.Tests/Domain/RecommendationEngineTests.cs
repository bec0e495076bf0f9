using MasteryEngine.Grains.Domain;

namespace MasteryEngine.Grains.Tests.Domain;

public class RecommendationEngineTests
{
    [Fact]
    public void Components_are_ranked_by_weight_times_gap()
    {
        // Gains: completion 0.4×0.5=0.20, quiz 0.3×0.1=0.03, quality 0.2×0.6=0.12, consistency 0.1×0.0=0.
        var ranked = RecommendationEngine.Rank(new ComponentScores(0.5, 0.9, 0.4, 1.0), [], new MasteryOptions());

        Assert.Equal([MasteryComponent.Completion, MasteryComponent.Quality, MasteryComponent.Quiz], ranked.Select(r => r.Component!.Value));
        Assert.Equal([0.20, 0.12, 0.03], ranked.Select(r => r.ExpectedGain));
    }

    public static TheoryData<ComponentScores, string[], string[]> Ties => new()
    {
        // completion 0.4×0.5 = quality 0.2×1.0 = 0.20: component order decides.
        { new ComponentScores(0.5, 1, 0, 1), [], ["completion", "quality"] },
        // Three topics at the same mastery, each 1/3 × 0.5: by name.
        { new ComponentScores(1, 1, 1, 1), ["loops", "arrays", "maps"], ["arrays", "loops", "maps"] },
        // quiz 0.3×(1−0.5) = 0.15 = topic (1−0.7)/2 = 0.15: the component goes first.
        { new ComponentScores(1, 0.5, 1, 1), ["loops", "maps"], ["quiz", "loops", "maps"] },
    };

    [Theory]
    [MemberData(nameof(Ties))]
    public void Equal_gains_keep_component_order_then_topics_by_name(ComponentScores overall, string[] topicNames, string[] expected)
    {
        var topics = topicNames.Select(name => Topic(name, topicNames.Length == 2 ? 0.7 : 0.5)).ToList();

        var ranked = RecommendationEngine.Rank(overall, topics, new MasteryOptions());

        Assert.Equal(expected, ranked.Select(r => r.Topic ?? r.Component!.Value.ToString().ToLowerInvariant()));
    }

    [Fact]
    public void The_steps_a_change_compares_are_the_recommendations_without_their_words()
    {
        var overall = new ComponentScores(0.3, 0.6, 0.8, 0.2);
        IReadOnlyList<TopicMastery> topics = [Topic("loops", 0.4), Topic("maps", 0.9)];
        var options = new MasteryOptions();

        var steps = RecommendationEngine.RankSteps(overall, topics, options);
        var recommendations = RecommendationEngine.Rank(overall, topics, options);

        Assert.Equal(
            recommendations.Select(r => (r.Component, r.Topic, r.Priority, r.ExpectedGain)),
            steps.Select(s => (s.Component, s.Topic?.Topic, s.Priority, s.ExpectedGain)));
        Assert.Equal(recommendations, steps.Select(step => RecommendationEngine.Describe(step, options)));
    }

    [Theory]
    [InlineData(0.25, RecommendationPriority.High)]
    [InlineData(0.10, RecommendationPriority.High)]
    [InlineData(0.0999, RecommendationPriority.Medium)]
    [InlineData(0.05, RecommendationPriority.Medium)]
    [InlineData(0.0499, RecommendationPriority.Low)]
    [InlineData(0.001, RecommendationPriority.Low)]
    public void Priority_follows_the_expected_gain(double gain, RecommendationPriority expected)
    {
        Assert.Equal(expected, RecommendationEngine.PriorityOf(gain));
    }

    [Fact]
    public void A_perfect_student_gets_no_recommendation()
    {
        Assert.Empty(RecommendationEngine.Rank(new ComponentScores(1, 1, 1, 1), [], new MasteryOptions()));
    }

    [Fact]
    public void Every_recommendation_has_an_action_a_person_can_follow()
    {
        var ranked = RecommendationEngine.Rank(ComponentScores.Zero, [Topic("python.loops", 0.2)], new MasteryOptions());

        Assert.All(ranked, r => Assert.False(string.IsNullOrWhiteSpace(r.Action)));
        Assert.Contains("python.loops", ranked.Single(r => r.Topic is not null).Action, StringComparison.Ordinal);
    }

    [Fact]
    public void Topics_are_weighted_by_their_share_of_the_topics()
    {
        // Two topics: each weighs 1/2. Gains: loops (1-0.2)/2=0.40, functions (1-0.9)/2=0.05.
        var ranked = RecommendationEngine.Rank(new ComponentScores(1, 1, 1, 1), [Topic("loops", 0.2), Topic("functions", 0.9)], new MasteryOptions());

        Assert.Equal(["loops", "functions"], ranked.Select(r => r.Topic));
        Assert.All(ranked, r => Assert.Null(r.Component));
        Assert.Equal([0.40, 0.05], ranked.Select(r => r.ExpectedGain));
    }

    [Theory]
    [InlineData(1, null, 1)]
    [InlineData(2, null, 2)]
    [InlineData(50, null, 4)]
    [InlineData(50, RecommendationPriority.High, 1)]
    [InlineData(50, RecommendationPriority.Medium, 1)]
    [InlineData(50, RecommendationPriority.Low, 2)]
    public void Limit_and_priority_filter_the_ranked_list(int limit, RecommendationPriority? priority, int expectedCount)
    {
        // Gains: completion 0.20 high, quiz 0.06 medium, quality 0.04 low, consistency 0.02 low.
        var ranked = RecommendationEngine.Rank(new ComponentScores(0.5, 0.8, 0.8, 0.8), [], new MasteryOptions());

        var selected = RecommendationEngine.Select(ranked, limit, priority);

        Assert.Equal(expectedCount, selected.Count);
        Assert.All(selected, r => Assert.True(priority is null || r.Priority == priority));
        Assert.Equal(ranked.Where(r => priority is null || r.Priority == priority).Take(limit), selected);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public void A_limit_outside_1_to_50_is_refused(int limit)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RecommendationEngine.Select([], limit, null));
    }

    private static TopicMastery Topic(string name, double mastery) =>
        new(name, mastery, MasteryLevels.Classify(mastery, new LevelThresholds()), new ComponentScores(mastery, mastery, mastery, mastery));
}
