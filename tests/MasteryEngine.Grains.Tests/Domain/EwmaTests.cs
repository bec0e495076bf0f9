using MasteryEngine.Grains.Domain;

namespace MasteryEngine.Grains.Tests.Domain;

public class EwmaTests
{
    [Theory]
    [InlineData(null, 0.8, 0.3, 0.8)]
    [InlineData(null, 0.0, 0.3, 0.0)]
    [InlineData(0.5, 1.0, 0.3, 0.65)]
    [InlineData(0.8, 0.2, 0.3, 0.62)]
    [InlineData(0.8, 0.2, 1.0, 0.2)]
    public void The_first_observation_sets_the_value_and_later_ones_move_it_by_alpha(double? current, double observation, double alpha, double expected)
    {
        Assert.Equal(expected, Ewma.Next(current, observation, alpha), 12);
    }

    [Fact]
    public void A_first_quiz_score_of_zero_is_kept_as_an_observation()
    {
        var tracker = new ComponentTracker();
        tracker.RecordQuiz(0, 0.3);

        tracker.RecordQuiz(1, 0.3);

        Assert.Equal(0.3, tracker.Quiz, 12);
    }

    [Theory]
    [InlineData(new[] { 0.6 }, 0.6)]
    [InlineData(new[] { 0.6, 1.0 }, 0.72)]
    [InlineData(new[] { 0.6, 1.0, 0.0 }, 0.504)]
    public void Quality_scores_form_a_moving_average(double[] scores, double expected)
    {
        var tracker = new ComponentTracker();

        foreach (var score in scores)
        {
            tracker.RecordQuality(score, 0.3);
        }

        Assert.Equal(expected, tracker.Quality, 12);
    }
}
