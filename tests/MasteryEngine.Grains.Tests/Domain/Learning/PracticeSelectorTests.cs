using MasteryEngine.Grains.Domain.Learning;

namespace MasteryEngine.Grains.Tests.Domain.Learning;

public sealed class PracticeSelectorTests
{
    private static string[] Ranked(params PracticeCandidate[] candidates) =>
        [.. PracticeSelector.Rank(candidates, 0.6, 0.8, 10).Select(c => c.ItemId)];

    [Fact]
    public void Items_inside_the_success_band_come_before_those_outside_and_nearer_ones_before_farther()
    {
        Assert.Equal(["in", "near-easy", "near-hard", "far"], Ranked(
            new("far", "t", 0.2, 0),
            new("near-hard", "t", 0.52, 0),
            new("in", "t", 0.75, 0),
            new("near-easy", "t", 0.85, 0)));
    }

    [Fact]
    public void Inside_the_band_a_decayed_topic_comes_first_then_the_middle_of_the_band()
    {
        Assert.Equal(["decayed", "middle", "edge"], Ranked(
            new("edge", "fresh", 0.61, 0),
            new("middle", "fresh", 0.70, 0),
            new("decayed", "old", 0.79, 0.08)));
    }

    [Fact]
    public void Decay_does_not_pull_an_item_outside_the_band_ahead_of_one_inside()
    {
        Assert.Equal(["in", "out"], Ranked(new("out", "old", 0.95, 0.3), new("in", "fresh", 0.65, 0)));
    }

    [Fact]
    public void The_limit_keeps_the_best()
    {
        var ranked = PracticeSelector.Rank([new("a", "t", 0.1, 0), new("b", "t", 0.7, 0)], 0.6, 0.8, 1);

        Assert.Equal("b", Assert.Single(ranked).ItemId);
    }
}
