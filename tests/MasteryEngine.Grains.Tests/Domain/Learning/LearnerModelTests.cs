using MasteryEngine.Grains.Domain.Learning;

namespace MasteryEngine.Grains.Tests.Domain.Learning;

public class LearnerModelTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly LearnerModel Model = new(LearnerModelParameters.Default);
    private static readonly TopicParameters Topic = LearnerModelParameters.Default.DefaultTopic;

    private static (TopicKnowledge Topic, TopicKnowledge Overall) Answer(TopicKnowledge topic, TopicKnowledge overall, double score, ItemParameters? item = null, DateTimeOffset? at = null)
    {
        var outcome = Model.Update(topic, overall, item ?? ItemParameters.Unseen, Topic, score, at ?? Monday);
        return (outcome.Topic, outcome.Overall);
    }

    private static double PCorrect(TopicKnowledge topic, TopicKnowledge overall, ItemParameters? item = null) =>
        Model.Predict(topic, overall, item ?? ItemParameters.Unseen, Topic, Monday).PCorrect;

    [Theory]
    [InlineData(1.0, 1)]
    [InlineData(0.75, 1)]
    [InlineData(0.25, -1)]
    [InlineData(0.0, -1)]
    public void An_answer_moves_the_next_prediction_its_way(double score, int direction)
    {
        var before = PCorrect(TopicKnowledge.None, TopicKnowledge.None);

        var (topic, overall) = Answer(TopicKnowledge.None, TopicKnowledge.None, score);

        Assert.Equal(direction, Math.Sign(PCorrect(topic, overall) - before));
    }

    [Fact]
    public void The_prediction_an_update_reports_is_the_one_made_before_the_answer()
    {
        var (topic, overall) = Answer(TopicKnowledge.None, TopicKnowledge.None, 1);
        var item = new ItemParameters(0.4, 12, 30);

        var expected = Model.Predict(topic, overall, item, Topic, Monday);
        var outcome = Model.Update(topic, overall, item, Topic, 0, Monday);

        Assert.Equal(expected, outcome.Predicted);
    }

    [Theory]
    [InlineData(-1.0, 0.0)]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 2.5)]
    public void A_harder_item_is_less_likely_to_be_answered_correctly(double easier, double harder)
    {
        Assert.True(PCorrect(TopicKnowledge.None, TopicKnowledge.None, new ItemParameters(easier, 5, 5))
            > PCorrect(TopicKnowledge.None, TopicKnowledge.None, new ItemParameters(harder, 5, 5)));
    }

    [Fact]
    public void Evidence_narrows_the_interval_and_the_standard_error()
    {
        var (topic, overall) = (TopicKnowledge.None, TopicKnowledge.None);
        var previous = Model.Knowledge(topic, overall, Topic, Monday);
        for (var answer = 0; answer < 10; answer++)
        {
            (topic, overall) = Answer(topic, overall, answer % 3 == 0 ? 0 : 1);
            var estimate = Model.Knowledge(topic, overall, Topic, Monday);

            Assert.True(estimate.StandardError < previous.StandardError);
            Assert.InRange(estimate.Knowledge, estimate.Low, estimate.High);
            Assert.Equal(answer + 1, estimate.Evidence);
            previous = estimate;
        }
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void Knowledge_resting_on_few_answers_says_it_is_tentative(int answers, bool tentative)
    {
        var (topic, overall) = (TopicKnowledge.None, TopicKnowledge.None);
        for (var answer = 0; answer < answers; answer++)
        {
            (topic, overall) = Answer(topic, overall, 1);
        }

        Assert.Equal(tentative, Model.Knowledge(topic, overall, Topic, Monday).IsTentative);
    }

    [Theory]
    [InlineData(0, 0.0)]
    [InlineData(60, 0.5)]
    [InlineData(120, 0.75)]
    public void Knowledge_decays_toward_the_prior_with_the_half_life(int days, double decayedShare)
    {
        var (topic, overall) = (TopicKnowledge.None, TopicKnowledge.None);
        for (var answer = 0; answer < 8; answer++)
        {
            (topic, overall) = Answer(topic, overall, 1);
        }

        var decayed = Model.Decayed(topic, Monday.AddDays(days));

        Assert.Equal(topic.Successes * (1 - decayedShare), decayed.Successes, 9);
        Assert.Equal(topic.Ability * (1 - decayedShare), decayed.Ability, 9);
        Assert.Equal(topic.Evidence, decayed.Evidence);
    }

    [Fact]
    public void A_topic_left_alone_is_known_less_surely_and_less_well()
    {
        var (topic, overall) = (TopicKnowledge.None, TopicKnowledge.None);
        for (var answer = 0; answer < 8; answer++)
        {
            (topic, overall) = Answer(topic, overall, 1);
        }

        var now = Model.Knowledge(topic, overall, Topic, Monday);
        var later = Model.Knowledge(topic, overall, Topic, Monday.AddDays(90));

        Assert.True(later.Knowledge < now.Knowledge);
        Assert.True(later.StandardError > now.StandardError);
    }

    [Theory]
    [InlineData(1.0, -1)]
    [InlineData(0.0, 1)]
    public void An_answer_moves_the_item_difficulty_the_other_way(double score, int direction)
    {
        var delta = Model.Update(TopicKnowledge.None, TopicKnowledge.None, ItemParameters.Unseen, Topic, score, Monday).ItemDelta;

        Assert.Equal(direction, Math.Sign(delta.Difficulty));
        Assert.Equal(1, delta.Responses);
        Assert.True(delta.Information > 0);
    }

    [Fact]
    public void Item_deltas_add_up_so_a_batch_applies_like_its_answers_one_by_one()
    {
        var first = new ItemDifficultyDelta(-0.2, 0.25, 1);
        var second = new ItemDifficultyDelta(0.05, 0.2, 1);
        var item = new ItemParameters(0.3, 4, 10);

        Assert.Equal(item.Apply(first).Apply(second), item.Apply(first.Plus(second)));
    }

    [Fact]
    public void A_well_known_item_moves_less_than_a_new_one()
    {
        var fresh = Model.Update(TopicKnowledge.None, TopicKnowledge.None, ItemParameters.Unseen, Topic, 1, Monday).ItemDelta;
        var known = Model.Update(TopicKnowledge.None, TopicKnowledge.None, new ItemParameters(0, 200, 800), Topic, 1, Monday).ItemDelta;

        Assert.True(Math.Abs(known.Difficulty) < Math.Abs(fresh.Difficulty) / 10);
    }

    [Fact]
    public void An_item_or_topic_the_parameters_do_not_list_starts_from_the_fitted_defaults()
    {
        var parameters = LearnerModelParameters.Default;

        Assert.Same(ItemParameters.Unseen, parameters.Item("never-seen"));
        Assert.Same(parameters.DefaultTopic, parameters.Topic("never-seen"));
    }

    [Fact]
    public void Predictions_stay_probabilities_after_a_long_run_of_one_answer()
    {
        var (topic, overall) = (TopicKnowledge.None, TopicKnowledge.None);
        for (var answer = 0; answer < 5000; answer++)
        {
            (topic, overall) = Answer(topic, overall, 1);
        }

        var prediction = Model.Predict(topic, overall, ItemParameters.Unseen, Topic, Monday);
        Assert.InRange(prediction.PCorrect, 0.5, 1 - 1e-7);
        Assert.True(double.IsFinite(prediction.StandardError));
    }
}
