using MasteryEngine.Grains.Domain;

namespace MasteryEngine.Grains.Tests.Domain;

public class MasteryFormulaTests
{
    [Theory]
    [InlineData(0, 0, 0, 0, 0)]
    [InlineData(1, 1, 1, 1, 1)]
    [InlineData(1, 0, 0, 0, 0.4)]
    [InlineData(0, 1, 0, 0, 0.3)]
    [InlineData(0, 0, 1, 0, 0.2)]
    [InlineData(0, 0, 0, 1, 0.1)]
    [InlineData(0.85, 0.90, 0.85, 0.82, 0.862)]
    [InlineData(0.70, 0.75, 0.80, 0.65, 0.73)]
    [InlineData(0.4, 0.4, 0.4, 0.4, 0.4)]
    public void Mastery_is_the_weighted_sum_of_the_components(double completion, double quiz, double quality, double consistency, double expected)
    {
        var score = MasteryFormula.Score(new ComponentScores(completion, quiz, quality, consistency), new MasteryWeights());

        Assert.Equal(expected, score);
    }

    [Theory]
    [InlineData(-0.5, 0)]
    [InlineData(1.7, 1)]
    [InlineData(double.NaN, 0)]
    [InlineData(double.PositiveInfinity, 1)]
    public void Scores_are_clamped_to_the_unit_interval(double value, double expected)
    {
        Assert.Equal(expected, MasteryFormula.Clamp(value));
    }

    [Fact]
    public void Configured_weights_replace_the_defaults()
    {
        var weights = new MasteryWeights { Completion = 0.25, Quiz = 0.25, Quality = 0.25, Consistency = 0.25 };

        var score = MasteryFormula.Score(new ComponentScores(1, 0, 1, 0), weights);

        Assert.Equal(0.5, score);
    }
}
