namespace MasteryEngine.Grains.Domain.Learning;

/// <summary>
/// The learner model: predicts a student's next answer on an item and learns from it (see docs/learner-model.md).
/// Pure and allocation-light: the grain holds the <see cref="TopicKnowledge"/> records, an item grain the
/// <see cref="ItemParameters"/>, and this class only computes.
/// </summary>
public sealed class LearnerModel(LearnerModelParameters parameters)
{
    public LearnerModelParameters Parameters { get; } = parameters;

    /// <summary>P(correct) for <paramref name="item"/> now, before the student answers it.</summary>
    public AnswerPrediction Predict(TopicKnowledge topic, TopicKnowledge overall, ItemParameters item, TopicParameters topicParameters, DateTimeOffset now)
    {
        var topicNow = Decayed(topic, now);
        var overallNow = Decayed(overall, now);
        var logit = LearnerLogit.Of(Parameters, topicParameters, item.Difficulty, topicNow, overallNow);
        var variance = StudentVariance(topicNow, overallNow) + item.Variance(Parameters.ItemPriorVariance);
        return new AnswerPrediction(logit, Math.Sqrt(variance), topic.Evidence);
    }

    /// <summary>The student's knowledge of a topic now: P(correct) on a typical item of it.</summary>
    public KnowledgeEstimate Knowledge(TopicKnowledge topic, TopicKnowledge overall, TopicParameters topicParameters, DateTimeOffset now)
    {
        var topicNow = Decayed(topic, now);
        var overallNow = Decayed(overall, now);
        var logit = LearnerLogit.Of(Parameters, topicParameters, 0, topicNow, overallNow);
        var prediction = new AnswerPrediction(logit, Math.Sqrt(StudentVariance(topicNow, overallNow)), topic.Evidence);
        return new KnowledgeEstimate(prediction.PCorrect, prediction.Low, prediction.High, prediction.StandardError, topic.Evidence);
    }

    /// <summary>
    /// Learns from one answer (<paramref name="score"/> 1 = correct, 0 = wrong, in between = partial credit):
    /// the prediction made before it, the new knowledge, and the item's change. The ability residuals move by
    /// their variance × surprise (an Elo step scaled by uncertainty, as in Glicko), so early answers move them
    /// most; the item's difficulty moves the opposite way by its own variance.
    /// </summary>
    public AnswerOutcome Update(TopicKnowledge topic, TopicKnowledge overall, ItemParameters item, TopicParameters topicParameters, double score, DateTimeOffset now)
    {
        var topicNow = Decayed(topic, now);
        var overallNow = Decayed(overall, now);
        var logit = LearnerLogit.Of(Parameters, topicParameters, item.Difficulty, topicNow, overallNow);
        var topicVariance = Variance(Parameters.TopicAbilityPriorVariance, topicNow.Information);
        var overallVariance = Variance(Parameters.OverallAbilityPriorVariance, overallNow.Information);
        var itemVariance = item.Variance(Parameters.ItemPriorVariance);
        var predicted = new AnswerPrediction(logit, Math.Sqrt(topicVariance + overallVariance + itemVariance), topic.Evidence);

        var p = LearnerLogit.Probability(logit);
        var surprise = score - p;
        var information = p * (1 - p);
        return new AnswerOutcome(
            predicted,
            Learned(topicNow, score, topicVariance * surprise, information, now),
            Learned(overallNow, score, overallVariance * surprise, information, now),
            new ItemDifficultyDelta(-itemVariance * surprise, information, 1));
    }

    /// <summary>
    /// The knowledge as it stands at <paramref name="now"/>: counts, ability and information shrink toward the
    /// prior with the configured half-life, so an old success counts less and the uncertainty grows back.
    /// </summary>
    public TopicKnowledge Decayed(TopicKnowledge knowledge, DateTimeOffset now)
    {
        if (knowledge.LastAnsweredAt is not { } last || now <= last)
        {
            return knowledge;
        }

        var factor = LearnerLogit.DecayFactor((now - last).TotalDays, Parameters.HalfLifeDays);
        return knowledge with
        {
            Successes = knowledge.Successes * factor,
            Failures = knowledge.Failures * factor,
            Ability = knowledge.Ability * factor,
            Information = knowledge.Information * factor,
        };
    }

    private double StudentVariance(TopicKnowledge topic, TopicKnowledge overall) =>
        Variance(Parameters.TopicAbilityPriorVariance, topic.Information) + Variance(Parameters.OverallAbilityPriorVariance, overall.Information);

    private static double Variance(double prior, double information) => 1 / (1 / prior + information);

    private TopicKnowledge Learned(TopicKnowledge knowledge, double score, double abilityStep, double information, DateTimeOffset now) =>
        new(
            knowledge.Successes + score,
            knowledge.Failures + (1 - score),
            knowledge.Ability + abilityStep,
            knowledge.Information * (1 - 1 / Parameters.AbilityMemory) + information,
            knowledge.Evidence + 1,
            knowledge.LastAnsweredAt is { } last && last > now ? last : now);
}
