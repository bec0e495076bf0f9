namespace MasteryEngine.Grains.Domain.Learning;

/// <summary>
/// The model's one formula, shared by prediction and calibration so the fitted values mean the same in both
/// (the terms are listed on <see cref="LearnerModelParameters"/>).
/// </summary>
public static class LearnerLogit
{
    /// <summary>Logits beyond ±this are clamped: P stays within about 1e-6 of 0 and 1, and log-loss finite.</summary>
    public const double Limit = 14;

    public static double Of(
        LearnerModelParameters global,
        TopicParameters topic,
        double itemDifficulty,
        TopicKnowledge topicKnowledge,
        TopicKnowledge overall) =>
        Of(
            global.Intercept + topic.Bias - itemDifficulty,
            new LogitWeights(topic.SuccessWeight, topic.FailureWeight, global.OverallSuccessWeight, global.OverallFailureWeight),
            new LogitEvidence(topicKnowledge.Successes, topicKnowledge.Failures, overall.Successes, overall.Failures),
            topicKnowledge.Ability + overall.Ability);

    /// <param name="offset">Intercept + topic bias − item difficulty.</param>
    /// <param name="ability">The topic and the across-topics ability residuals, summed.</param>
    public static double Of(double offset, LogitWeights weights, LogitEvidence evidence, double ability)
    {
        var logit = offset
            + weights.TopicSuccess * Math.Log(1 + evidence.TopicSuccesses)
            + weights.TopicFailure * Math.Log(1 + evidence.TopicFailures)
            + weights.OverallSuccess * Math.Log(1 + evidence.OverallSuccesses)
            + weights.OverallFailure * Math.Log(1 + evidence.OverallFailures)
            + ability;
        return Math.Clamp(logit, -Limit, Limit);
    }

    public static double DecayFactor(double elapsedDays, double halfLifeDays) =>
        elapsedDays <= 0 ? 1 : Math.Pow(2, -elapsedDays / halfLifeDays);

    public static double Probability(double logit) => 1 / (1 + Math.Exp(-logit));
}
