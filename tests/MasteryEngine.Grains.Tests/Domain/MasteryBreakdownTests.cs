using MasteryEngine.Grains.Domain;

namespace MasteryEngine.Grains.Tests.Domain;

public class MasteryBreakdownTests
{
    // Mastery 0.862 (proficient, next 0.90): 0.038 short of mastered.
    [Theory]
    [InlineData(MasteryComponent.Completion, 0.85, 0.40, 0.34, 0.095)]
    [InlineData(MasteryComponent.Quiz, 0.90, 0.30, 0.27, 0.1)]
    [InlineData(MasteryComponent.Quality, 0.85, 0.20, 0.17, 0.15)]
    [InlineData(MasteryComponent.Consistency, 0.82, 0.10, 0.082, 0.18)]
    public void Each_component_shows_its_contribution_and_its_gap_to_the_next_level(
        MasteryComponent component, double score, double weight, double contribution, double gap)
    {
        var breakdown = MasteryBreakdown.For(new ComponentScores(0.85, 0.90, 0.85, 0.82), new MasteryOptions());

        var row = Assert.Single(breakdown, b => b.Component == component);
        Assert.Equal(score, row.Score);
        Assert.Equal(weight, row.Weight);
        Assert.Equal(contribution, row.Contribution, 12);
        Assert.Equal(gap, row.GapToNextLevel, 12);
    }

    [Fact]
    public void The_gap_is_capped_by_what_the_component_can_still_gain()
    {
        // Mastery 0.27 (novice, next 0.40): consistency would need +1.3 but can only gain 0.1.
        var breakdown = MasteryBreakdown.For(new ComponentScores(0.2, 0.2, 0.2, 0.9), new MasteryOptions());

        Assert.Equal(0.1, breakdown.Single(b => b.Component == MasteryComponent.Consistency).GapToNextLevel, 12);
        Assert.Equal(0.325, breakdown.Single(b => b.Component == MasteryComponent.Completion).GapToNextLevel, 12);
    }

    [Fact]
    public void At_the_top_level_every_gap_is_zero()
    {
        var breakdown = MasteryBreakdown.For(new ComponentScores(0.95, 0.95, 0.9, 0.8), new MasteryOptions());

        Assert.All(breakdown, b => Assert.Equal(0, b.GapToNextLevel));
    }

    [Fact]
    public void A_component_of_weight_zero_shows_all_it_could_still_gain()
    {
        var options = new MasteryOptions { Weights = { Completion = 0.5, Quiz = 0.5, Quality = 0, Consistency = 0 } };

        var breakdown = MasteryBreakdown.For(new ComponentScores(0.2, 0.2, 0.3, 0), options);

        Assert.Equal(0.7, breakdown.Single(b => b.Component == MasteryComponent.Quality).GapToNextLevel, 12);
    }
}
