using MasteryEngine.Grains.Domain;

namespace MasteryEngine.Grains.Tests.Domain;

public class MasteryLevelsTests
{
    [Theory]
    [InlineData(0.0, MasteryLevel.Novice)]
    [InlineData(0.399999, MasteryLevel.Novice)]
    [InlineData(0.40, MasteryLevel.Developing)]
    [InlineData(0.699999, MasteryLevel.Developing)]
    [InlineData(0.70, MasteryLevel.Proficient)]
    [InlineData(0.899999, MasteryLevel.Proficient)]
    [InlineData(0.90, MasteryLevel.Mastered)]
    [InlineData(1.0, MasteryLevel.Mastered)]
    public void Levels_start_at_their_thresholds(double score, MasteryLevel expected)
    {
        Assert.Equal(expected, MasteryLevels.Classify(score, new LevelThresholds()));
    }

    [Theory]
    [InlineData(0.49, MasteryLevel.Novice)]
    [InlineData(0.5, MasteryLevel.Developing)]
    [InlineData(0.6, MasteryLevel.Proficient)]
    [InlineData(0.95, MasteryLevel.Mastered)]
    public void Configured_thresholds_move_the_levels(double score, MasteryLevel expected)
    {
        var thresholds = new LevelThresholds { Developing = 0.5, Proficient = 0.6, Mastered = 0.95 };

        Assert.Equal(expected, MasteryLevels.Classify(score, thresholds));
    }

    [Theory]
    [InlineData(MasteryLevel.Novice, 0.40)]
    [InlineData(MasteryLevel.Developing, 0.70)]
    [InlineData(MasteryLevel.Proficient, 0.90)]
    [InlineData(MasteryLevel.Mastered, null)]
    public void The_next_threshold_is_the_start_of_the_level_above(MasteryLevel level, double? expected)
    {
        Assert.Equal(expected, MasteryLevels.NextThreshold(level, new LevelThresholds()));
    }
}
